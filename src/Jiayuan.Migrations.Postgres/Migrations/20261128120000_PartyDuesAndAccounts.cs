using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Base = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Category = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Monthly = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    PlacePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedById = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LinkedById = table.Column<long>(type: "bigint", nullable: true),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
