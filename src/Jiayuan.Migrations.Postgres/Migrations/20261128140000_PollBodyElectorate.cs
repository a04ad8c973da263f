using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PollBodyElectorate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BodyId",
                table: "consultation_polls",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "consultation_polls");
        }
    }
}
