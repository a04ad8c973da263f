using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TwoNew = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    FormationMode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PlaceId = table.Column<long>(type: "bigint", nullable: false),
                    PlacePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PlaceKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CoveredUnits = table.Column<int>(type: "integer", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastElectionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HasCommittee = table.Column<bool>(type: "boolean", nullable: false),
                    Secretary = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PlacePath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    IsTwoNew = table.Column<bool>(type: "boolean", nullable: false),
                    RealName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<char>(type: "character(1)", nullable: false),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProbationEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProbationExtended = table.Column<bool>(type: "boolean", nullable: false),
                    FullSince = table.Column<DateOnly>(type: "date", nullable: true),
                    WorkUnit = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    HouseholdPlaceId = table.Column<long>(type: "bigint", nullable: true),
                    DuesCategory = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DuesBase = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
