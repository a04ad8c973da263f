using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PartyMemberCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MemberCount",
                table: "party_organizations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        
            // Existing databases: count the members already there (afterwards the application keeps the counters in step).
            migrationBuilder.Sql("UPDATE party_organizations SET \"MemberCount\" = (SELECT COUNT(*) FROM party_members m WHERE m.\"OrganizationId\" = party_organizations.\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MemberCount",
                table: "party_organizations");
        }
    }
}
