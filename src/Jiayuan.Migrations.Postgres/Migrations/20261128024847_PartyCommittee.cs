using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartyCommittee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeputySecretary",
                table: "party_organizations",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisciplineMember",
                table: "party_organizations",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganizationMember",
                table: "party_organizations",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PropagandaMember",
                table: "party_organizations",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeputySecretary",
                table: "party_organizations");

            migrationBuilder.DropColumn(
                name: "DisciplineMember",
                table: "party_organizations");

            migrationBuilder.DropColumn(
                name: "OrganizationMember",
                table: "party_organizations");

            migrationBuilder.DropColumn(
                name: "PropagandaMember",
                table: "party_organizations");
        }
    }
}
