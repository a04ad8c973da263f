using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartyDuesAndAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_dues_bases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Base = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Monthly = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dues_bases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_dues_bases_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_dues_uses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_dues_uses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_dues_uses_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_member_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    LinkedById = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_member_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_member_accounts_party_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "party_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_members_Status_PlacePath",
                table: "party_members",
                columns: new[] { "Status", "PlacePath" });

            migrationBuilder.CreateIndex(
                name: "IX_party_dues_bases_MemberId_Year",
                table: "party_dues_bases",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_dues_uses_OrganizationId_SpentOn",
                table: "party_dues_uses",
                columns: new[] { "OrganizationId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_party_member_accounts_MemberId",
                table: "party_member_accounts",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_member_accounts_UserId",
                table: "party_member_accounts",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_dues_bases");

            migrationBuilder.DropTable(
                name: "party_dues_uses");

            migrationBuilder.DropTable(
                name: "party_member_accounts");

            migrationBuilder.DropIndex(
                name: "IX_party_members_Status_PlacePath",
                table: "party_members");
        }
    }
}
