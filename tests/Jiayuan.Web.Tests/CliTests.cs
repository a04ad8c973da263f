using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Jiayuan.Web.Tests;

/// <summary>The verbs of the executable, run as a separate process the way an operator runs them.</summary>
public class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jiayuan-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Jiayuan.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["ConnectionStrings__Jiayuan"] = $"Data Source={Path.Combine(_dir, "cli.db")}";
        psi.Environment["DataDirectory"] = _dir;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    private long Count(string db, string table)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Verbs_MigrateSeedCreateAdminBackupRestore_Work()
    {
        var (code, output) = await RunAsync("migrate");
        Assert.True(code == 0, output);
        Assert.Contains("Migrations applied", output, StringComparison.Ordinal);

        (code, output) = await RunAsync("seed", "demo");
        Assert.True(code == 0, output);
        Assert.Contains("Demo seeded", output, StringComparison.Ordinal);
        var live = Path.Combine(_dir, "cli.db");
        var users = Count(live, "core_users");
        Assert.Equal(10, users);

        (code, output) = await RunAsync("seed", "demo");
        Assert.Equal(0, code);
        Assert.Equal(users, Count(live, "core_users"));

        (code, output) = await RunAsync("create-admin", "--login", "ops", "--password", "short");
        Assert.NotEqual(0, code);
        (code, output) = await RunAsync("create-admin", "--login", "ops", "--password", "opsadmin2026");
        Assert.True(code == 0, output);
        Assert.Equal(users + 1, Count(live, "core_users"));

        var backup = Path.Combine(_dir, "backup.db");
        (code, output) = await RunAsync("backup", backup);
        Assert.True(code == 0, output);
        Assert.Equal(users + 1, Count(backup, "core_users"));

        (code, output) = await RunAsync("create-admin", "--login", "ops2", "--password", "opsadmin2026");
        Assert.Equal(users + 2, Count(live, "core_users"));
        (code, output) = await RunAsync("restore", backup);
        Assert.True(code == 0, output);
        Assert.Equal(users + 1, Count(live, "core_users"));
    }

    [Fact]
    public async Task CreateAdmin_OnEmptyDatabase_NeedsAndCreatesTheSubdistrict()
    {
        var (code, output) = await RunAsync("create-admin", "--login", "ops", "--password", "opsadmin2026");
        Assert.Equal(1, code);
        Assert.Contains("--subdistrict-code", output, StringComparison.Ordinal);

        (code, output) = await RunAsync("create-admin", "--login", "ops", "--password", "opsadmin2026", "--subdistrict-code", "510107063", "--subdistrict-name", "石羊街道");
        Assert.True(code == 0, output);
        var live = Path.Combine(_dir, "cli.db");
        Assert.Equal(1, Count(live, "places_places"));
        Assert.Equal(1, Count(live, "core_role_grants"));
    }

    [Fact]
    public async Task ImportMembers_DryRunThenImport_ReportsRowsAndImportsTheGoodOnes()
    {
        var (code, output) = await RunAsync("seed", "demo");
        Assert.True(code == 0, output);
        var file = Path.Combine(_dir, "roster.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "命令行甲", ["性别"] = "女", ["身份证号"] = "11010519491231002X", ["党员类型"] = "正式党员", ["入党日期"] = "1975-07-01", ["所在党组织"] = "中共府城社区委员会" },
            new Dictionary<string, object?> { ["姓名"] = "命令行乙", ["性别"] = "女", ["身份证号"] = "110105194912310021", ["党员类型"] = "正式党员", ["入党日期"] = "1975-07-01", ["所在党组织"] = "中共府城社区委员会" },
        });
        var live = Path.Combine(_dir, "cli.db");
        var before = Count(live, "party_members");

        (code, output) = await RunAsync("import", "members", file, "--scope", "510107063002", "--dry-run");
        Assert.Equal(3, code);
        Assert.Contains("2 rows, 1 would be imported, 1 have problems", output, StringComparison.Ordinal);
        Assert.Contains("row 3", output, StringComparison.Ordinal);
        Assert.Equal(before, Count(live, "party_members"));

        (code, output) = await RunAsync("import", "members", file, "--scope", "510107063002");
        Assert.Equal(3, code);
        Assert.Contains("1 imported", output, StringComparison.Ordinal);
        Assert.Equal(before + 1, Count(live, "party_members"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
