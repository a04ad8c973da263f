using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartyMeetingsPledges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", nullable: true),
                    Attendees = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersAtTheTime = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_meetings_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_pledges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Fulfilled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_pledges_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_meeting_attendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_meeting_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_meeting_attendance_party_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "party_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_party_meeting_attendance_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_meeting_attendance_MeetingId_MemberId",
                table: "party_meeting_attendance",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_meeting_attendance_MemberId",
                table: "party_meeting_attendance",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_party_meetings_OrganizationId_Kind_HeldOn",
                table: "party_meetings",
                columns: new[] { "OrganizationId", "Kind", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_party_meetings_PlacePath",
                table: "party_meetings",
                column: "PlacePath");

            migrationBuilder.CreateIndex(
                name: "IX_party_pledges_MemberId_Year",
                table: "party_pledges",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_pledges_PlacePath_Year_PublicConsent",
                table: "party_pledges",
                columns: new[] { "PlacePath", "Year", "PublicConsent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_meeting_attendance");

            migrationBuilder.DropTable(
                name: "party_pledges");

            migrationBuilder.DropTable(
                name: "party_meetings");
        }
    }
}
