using Jiayuan.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jiayuan.Migrations.Sqlite.Migrations;

/// <summary>Full-text search over notices: an FTS5 index with the trigram tokenizer (works for Chinese), kept in step by triggers.</summary>
[DbContext(typeof(JiayuanDbContext))]
[Migration("20261128090000_NoticeSearch")]
public partial class NoticeSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE notices_fts USING fts5(Title, BodyText, content='notices_notices', content_rowid='Id', tokenize='trigram');
            CREATE TRIGGER notices_fts_ai AFTER INSERT ON notices_notices BEGIN
              INSERT INTO notices_fts(rowid, Title, BodyText) VALUES (new.Id, new.Title, new.BodyText);
            END;
            CREATE TRIGGER notices_fts_ad AFTER DELETE ON notices_notices BEGIN
              INSERT INTO notices_fts(notices_fts, rowid, Title, BodyText) VALUES ('delete', old.Id, old.Title, old.BodyText);
            END;
            CREATE TRIGGER notices_fts_au AFTER UPDATE OF Title, BodyText ON notices_notices BEGIN
              INSERT INTO notices_fts(notices_fts, rowid, Title, BodyText) VALUES ('delete', old.Id, old.Title, old.BodyText);
              INSERT INTO notices_fts(rowid, Title, BodyText) VALUES (new.Id, new.Title, new.BodyText);
            END;
            INSERT INTO notices_fts(notices_fts) VALUES ('rebuild');
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS notices_fts_au;
            DROP TRIGGER IF EXISTS notices_fts_ad;
            DROP TRIGGER IF EXISTS notices_fts_ai;
            DROP TABLE IF EXISTS notices_fts;
            """);
    }
}
