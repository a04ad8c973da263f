using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartyPointsStudy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCommitteeMember",
                table: "party_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "party_point_rules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Item = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    YearlyCap = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_point_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "party_study_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StudiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_study_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_study_records_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_point_awards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_point_awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_point_awards_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_party_point_awards_party_point_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "party_point_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_point_awards_MemberId_Year_RuleId",
                table: "party_point_awards",
                columns: new[] { "MemberId", "Year", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_party_point_awards_RuleId",
                table: "party_point_awards",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_party_point_rules_Item",
                table: "party_point_rules",
                column: "Item",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_study_records_MemberId_Year",
                table: "party_study_records",
                columns: new[] { "MemberId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_point_awards");

            migrationBuilder.DropTable(
                name: "party_study_records");

            migrationBuilder.DropTable(
                name: "party_point_rules");

            migrationBuilder.DropColumn(
                name: "IsCommitteeMember",
                table: "party_members");
        }
    }
}
