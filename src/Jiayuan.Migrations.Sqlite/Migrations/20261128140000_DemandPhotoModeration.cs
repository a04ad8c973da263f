using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DemandPhotoModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HiddenAt",
                table: "demands_photos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "demands_photos",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "demands_photos");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "demands_photos");
        }
    }
}
