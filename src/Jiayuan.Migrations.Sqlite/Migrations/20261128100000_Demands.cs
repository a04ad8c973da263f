using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Demands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demands_calendar",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Workday = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_calendar", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "demands_categories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DefaultType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DefaultUrgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DefaultHandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    FeedbackWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "demands_open311_clients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_open311_clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "demands_demands",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublicDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PlaceCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CommunityPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RequesterUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RequesterPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequesterPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegisteredByUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Open311ClientId = table.Column<long>(type: "INTEGER", nullable: true),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CoHandlerNames = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptBy = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    UrgeAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Escalation = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Followers = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateOfId = table.Column<long>(type: "INTEGER", nullable: true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondedInTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_demands", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_demands_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "demands_routing_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CoHandlerPaths = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_routing_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_routing_rules_demands_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "demands_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActorUserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_events_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_followers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_followers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_followers_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_notifications_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demands_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DemandId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_demands_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_demands_photos_demands_demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "demands_demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_demands_categories_Code",
                table: "demands_categories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CategoryId",
                table: "demands_demands",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CommunityPath_CreatedAt",
                table: "demands_demands",
                columns: new[] { "CommunityPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_CreatedAt",
                table: "demands_demands",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Escalation_Deadline",
                table: "demands_demands",
                columns: new[] { "Escalation", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Escalation_UrgeAt",
                table: "demands_demands",
                columns: new[] { "Escalation", "UrgeAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_HandlerPath_Status",
                table: "demands_demands",
                columns: new[] { "HandlerPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Month_HandlerPath_CommunityPath_Status_RespondedInTime_Satisfaction_Resolved_ClosedOnTime_ReopenCount_IsRepeat",
                table: "demands_demands",
                columns: new[] { "Month", "HandlerPath", "CommunityPath", "Status", "RespondedInTime", "Satisfaction", "Resolved", "ClosedOnTime", "ReopenCount", "IsRepeat" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_PlacePath_CategoryId_Status",
                table: "demands_demands",
                columns: new[] { "PlacePath", "CategoryId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_RequesterUserId",
                table: "demands_demands",
                column: "RequesterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Status_RepliedAt",
                table: "demands_demands",
                columns: new[] { "Status", "RepliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_Token",
                table: "demands_demands",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_demands_UpdatedAt",
                table: "demands_demands",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_demands_events_At",
                table: "demands_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_demands_events_DemandId_Id",
                table: "demands_events",
                columns: new[] { "DemandId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_followers_DemandId_UserId",
                table: "demands_followers",
                columns: new[] { "DemandId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_followers_UserId",
                table: "demands_followers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_DemandId",
                table: "demands_notifications",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_HandlerPath_Id",
                table: "demands_notifications",
                columns: new[] { "HandlerPath", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_notifications_UserId_Id",
                table: "demands_notifications",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_demands_open311_clients_KeyHash",
                table: "demands_open311_clients",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_demands_photos_DemandId",
                table: "demands_photos",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_demands_routing_rules_CategoryId",
                table: "demands_routing_rules",
                column: "CategoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demands_calendar");

            migrationBuilder.DropTable(
                name: "demands_events");

            migrationBuilder.DropTable(
                name: "demands_followers");

            migrationBuilder.DropTable(
                name: "demands_notifications");

            migrationBuilder.DropTable(
                name: "demands_open311_clients");

            migrationBuilder.DropTable(
                name: "demands_photos");

            migrationBuilder.DropTable(
                name: "demands_routing_rules");

            migrationBuilder.DropTable(
                name: "demands_demands");

            migrationBuilder.DropTable(
                name: "demands_categories");
        }
    }
}
