using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts_alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedById = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedFromIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PatrolShiftId = table.Column<long>(type: "INTEGER", nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstAckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstOnSceneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_shifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_shifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_raiser_blocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BlockedById = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_raiser_blocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_responders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Duty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_responders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alerts_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResponderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EtaMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_events_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_photos_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_recipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: true),
                    SinceEventId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_recipients_alerts_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_logs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShiftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_logs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_patrol_logs_alerts_patrol_shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "alerts_patrol_shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_patrol_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShiftId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckInLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckInLongitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckOutLatitude = table.Column<double>(type: "REAL", nullable: true),
                    CheckOutLongitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_patrol_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_patrol_members_alerts_patrol_shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "alerts_patrol_shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alerts_responder_areas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponderId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts_responder_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_responder_areas_alerts_responders_ResponderId",
                        column: x => x.ResponderId,
                        principalTable: "alerts_responders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_EscalateAt",
                table: "alerts_alerts",
                column: "EscalateAt");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_PlacePath_RaisedAt",
                table: "alerts_alerts",
                columns: new[] { "PlacePath", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_alerts_RaisedById_RaisedAt",
                table: "alerts_alerts",
                columns: new[] { "RaisedById", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_events_AlertId_Id",
                table: "alerts_events",
                columns: new[] { "AlertId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_logs_ShiftId",
                table: "alerts_patrol_logs",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_members_ShiftId_UserId",
                table: "alerts_patrol_members",
                columns: new[] { "ShiftId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_members_UserId",
                table: "alerts_patrol_members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_patrol_shifts_PlacePath_StartsAt",
                table: "alerts_patrol_shifts",
                columns: new[] { "PlacePath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_photos_AlertId",
                table: "alerts_photos",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_raiser_blocks_UserId",
                table: "alerts_raiser_blocks",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_recipients_AlertId_UserId",
                table: "alerts_recipients",
                columns: new[] { "AlertId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_recipients_UserId",
                table: "alerts_recipients",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responder_areas_PlacePath",
                table: "alerts_responder_areas",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responder_areas_ResponderId_PlaceId",
                table: "alerts_responder_areas",
                columns: new[] { "ResponderId", "PlaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_responders_UserId",
                table: "alerts_responders",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts_events");

            migrationBuilder.DropTable(
                name: "alerts_patrol_logs");

            migrationBuilder.DropTable(
                name: "alerts_patrol_members");

            migrationBuilder.DropTable(
                name: "alerts_photos");

            migrationBuilder.DropTable(
                name: "alerts_raiser_blocks");

            migrationBuilder.DropTable(
                name: "alerts_recipients");

            migrationBuilder.DropTable(
                name: "alerts_responder_areas");

            migrationBuilder.DropTable(
                name: "alerts_patrol_shifts");

            migrationBuilder.DropTable(
                name: "alerts_alerts");

            migrationBuilder.DropTable(
                name: "alerts_responders");
        }
    }
}
