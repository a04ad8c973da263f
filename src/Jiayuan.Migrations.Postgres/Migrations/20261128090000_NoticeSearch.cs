using Jiayuan.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Postgres.Migrations;

/// <summary>Full-text search over notices: a pg_trgm GIN index on title and text, used by ILIKE '%…%' (works for Chinese).</summary>
[DbContext(typeof(JiayuanDbContext))]
[Migration("20261128090000_NoticeSearch")]
public partial class NoticeSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX "IX_notices_notices_search" ON notices_notices USING gin (("Title" || ' ' || "BodyText") gin_trgm_ops);
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_notices_notices_search";""");
    }
}
