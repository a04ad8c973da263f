// bench/sqliteraw — the baseline for durable demand submissions: a raw Microsoft.Data.Sqlite loop inserting one row per
// transaction into the app's own demands table (same schema and indexes: run it on a copy of a migrated database) with
// the pragmas the app uses (WAL, synchronous=FULL). Prints rows per second.
//
//   dotnet run -c Release --project bench/sqliteraw -- <database.db> [seconds]
using System.Diagnostics;
using Microsoft.Data.Sqlite;

var path = args.Length > 0 ? args[0] : throw new ArgumentException("usage: SqliteRaw <database.db> [seconds]");
var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
using var conn = new SqliteConnection($"Data Source={path}");
conn.Open();
using (var pragma = conn.CreateCommand())
{
    pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
    pragma.ExecuteNonQuery();
}
long category;
using (var c = conn.CreateCommand())
{
    c.CommandText = "SELECT \"Id\" FROM demands_categories ORDER BY \"Id\" LIMIT 1";
    category = (long)c.ExecuteScalar()!;
}
using var insert = conn.CreateCommand();
insert.CommandText = """
    INSERT INTO demands_demands ("Token","Type","CategoryId","Urgency","Channel","Description","PublicDescription","CommunityPath","Address",
      "Status","HandlerPath","HandlerName","CreatedAt","UpdatedAt","DispatchedAt","AcceptBy","Deadline","UrgeAt","Escalation","ReopenCount","Followers",
      "Month","RespondedInTime","ClosedOnTime","IsRepeat","Version")
    VALUES ($token,'Complaint',$category,'Normal','Web',$text,$text,'/510107063/002','府城社区',
      'Dispatched','/510107063/002','府城社区',$now,$now,$now,$now,$now,$now,0,0,0,202611,0,0,0,0)
    """;
var token = insert.Parameters.Add("$token", SqliteType.Text);
var text = insert.Parameters.Add("$text", SqliteType.Text);
var now = insert.Parameters.Add("$now", SqliteType.Integer);
insert.Parameters.AddWithValue("$category", category);
insert.Prepare();
var watch = Stopwatch.StartNew();
var rows = 0;
while (watch.Elapsed.TotalSeconds < seconds)
{
    token.Value = Guid.NewGuid().ToString("N");
    text.Value = "原始插入基准 " + rows;
    now.Value = DateTimeOffset.UtcNow.UtcTicks;
    insert.ExecuteNonQuery(); // autocommit: one transaction, one WAL sync, per row
    rows++;
}
Console.WriteLine($"{rows / watch.Elapsed.TotalSeconds:0}");
