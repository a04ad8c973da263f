using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: true),
                    MemberId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    CommunityPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Evaluation = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    EvaluationNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dual_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_service_posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    CommunityPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Slots = table.Column<int>(type: "integer", nullable: false),
                    Claimed = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_service_posts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_post_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedOn = table.Column<DateOnly>(type: "date", nullable: false)
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
