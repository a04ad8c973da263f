using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Party : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_organizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TwoNew = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    FormationMode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlaceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CoveredUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastElectionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HasCommittee = table.Column<bool>(type: "INTEGER", nullable: false),
                    Secretary = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_organizations_party_organizations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "party_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PlacePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IsTwoNew = table.Column<bool>(type: "INTEGER", nullable: false),
                    RealName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<char>(type: "TEXT", nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProbationEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProbationExtended = table.Column<bool>(type: "INTEGER", nullable: false),
                    FullSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    HouseholdPlaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    DuesCategory = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DuesBase = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_members_party_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "party_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_party_members_IdNumberHash",
                table: "party_members",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_members_OrganizationId_Status",
                table: "party_members",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_party_members_PlacePath_IsTwoNew",
                table: "party_members",
                columns: new[] { "PlacePath", "IsTwoNew" });

            migrationBuilder.CreateIndex(
                name: "IX_party_organizations_Code",
                table: "party_organizations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_organizations_ParentId",
                table: "party_organizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_party_organizations_Path",
                table: "party_organizations",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_organizations_PlacePath_Kind",
                table: "party_organizations",
                columns: new[] { "PlacePath", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_members");

            migrationBuilder.DropTable(
                name: "party_organizations");
        }
    }
}
