using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartyDualRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_dual_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    EvaluationNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dual_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_service_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Slots = table.Column<int>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_service_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_post_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_post_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_post_claims_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_party_post_claims_party_service_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "party_service_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_dual_reports_CommunityPath_Year",
                table: "party_dual_reports",
                columns: new[] { "CommunityPath", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_party_dual_reports_MemberId_Year_CommunityId",
                table: "party_dual_reports",
                columns: new[] { "MemberId", "Year", "CommunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_dual_reports_OrganizationId_Year_CommunityId",
                table: "party_dual_reports",
                columns: new[] { "OrganizationId", "Year", "CommunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_post_claims_MemberId",
                table: "party_post_claims",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_party_post_claims_PostId_MemberId",
                table: "party_post_claims",
                columns: new[] { "PostId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_service_posts_CommunityPath",
                table: "party_service_posts",
                column: "CommunityPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_dual_reports");

            migrationBuilder.DropTable(
                name: "party_post_claims");

            migrationBuilder.DropTable(
                name: "party_service_posts");
        }
    }
}
