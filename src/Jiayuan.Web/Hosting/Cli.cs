using System.CommandLine;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Jiayuan.Web.Hosting;

/// <summary>Verbs of the same executable: migrate, seed demo, create-admin, backup, restore.</summary>
internal static class Cli
{
    private static readonly string[] _verbs = ["migrate", "seed", "create-admin", "backup", "restore", "import"];

    public static bool IsVerb(string[] args) => args.Length > 0 && _verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("Jiayuan 家园 — run without a verb to start the web server.");

        var migrate = new Command("migrate", "Apply database migrations.");
        migrate.SetAction(async (_, ct) =>
        {
            await Startup.MigrateAsync(app.Services, ct);
            Console.WriteLine("Migrations applied.");
            return 0;
        });

        var seed = new Command("seed", "Seed data.");
        var demo = new Command("demo", "Seed the 石羊街道 demo into an empty database.");
        demo.SetAction(async (_, ct) =>
        {
            await Startup.MigrateAsync(app.Services, ct);
            var seeded = await Startup.SeedDemoIfEmptyAsync(app.Services, ct);
            Console.WriteLine(seeded ? "Demo seeded." : "The database already has accounts; nothing seeded.");
            return 0;
        });
        seed.Subcommands.Add(demo);
        var communities = new Option<int>("--communities") { Description = "Generated communities (default 3000).", DefaultValueFactory = _ => 3000 };
        var courtyards = new Option<int>("--courtyards") { Description = "Courtyards per community, one branch each (default 20).", DefaultValueFactory = _ => 20 };
        var perBranch = new Option<int>("--members") { Description = "Members per branch (default 20).", DefaultValueFactory = _ => 20 };
        var city = new Command("city", "Benchmark fixture: add generated communities, courtyard branches and members at city scale (no personal data, not audited).") { communities, courtyards, perBranch };
        city.SetAction((parse, ct) => SeedCityAsync(app, parse.GetValue(communities), parse.GetValue(courtyards), parse.GetValue(perBranch), ct));
        seed.Subcommands.Add(city);
        var count = new Option<int>("--count") { Description = "Demands to generate (default 1,000,000).", DefaultValueFactory = _ => 1_000_000 };
        var days = new Option<int>("--days") { Description = "Spread over this many past days (default 365).", DefaultValueFactory = _ => 365 };
        var demands = new Command("demands", "Benchmark fixture: add generated demands across the demo's courtyards (no personal data, not audited).") { count, days };
        demands.SetAction((parse, ct) => SeedDemandsAsync(app, parse.GetValue(count), parse.GetValue(days), ct));
        seed.Subcommands.Add(demands);

        var login = new Option<string>("--login") { Description = "User name of the new administrator.", Required = true };
        var password = new Option<string>("--password") { Description = "Password (≥ 8 characters with a digit and a lower-case letter).", Required = true };
        var rootCode = new Option<string>("--subdistrict-code") { Description = "On an empty database: the subdistrict's 9-digit code (e.g. 510107063)." };
        var rootName = new Option<string>("--subdistrict-name") { Description = "On an empty database: the subdistrict's name (e.g. 石羊街道)." };
        var createAdmin = new Command("create-admin", "Create a system administrator granted at the subdistrict (creating the subdistrict on an empty database).") { login, password, rootCode, rootName };
        createAdmin.SetAction(async (parse, ct) =>
        {
            await Startup.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<JiayuanDbContext>();
            var setup = scope.ServiceProvider.GetRequiredService<Places.Contracts.IPlaceTreeSetup>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var code = parse.GetValue(rootCode);
            var name = parse.GetValue(rootName);
            var existingRoot = await scope.ServiceProvider.GetRequiredService<Places.Contracts.IPlaceDirectory>().DescendantsAsync("", Places.Contracts.PlaceKind.Subdistrict, ct);
            if (existingRoot.Count == 0 && (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name)))
            {
                await Console.Error.WriteLineAsync("The database has no subdistrict yet: pass --subdistrict-code and --subdistrict-name (or run 'seed demo').");
                return 1;
            }
            var user = new AppUser { UserName = parse.GetValue(login), DisplayName = parse.GetValue(login), CreatedAt = clock.GetUtcNow() };
            var result = await users.CreateAsync(user, parse.GetValue(password)!);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
                return 1;
            }
            var rootPath = (await setup.EnsureRootAsync(code ?? "", name ?? "", ct)).Path;
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = Role.SystemAdmin, NodePath = rootPath, GrantedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Administrator {user.UserName} created at {rootPath}.");
            return 0;
        });

        var backupFile = new Argument<string>("file") { Description = "Backup file to write." };
        var backup = new Command("backup", "Online backup of the SQLite database (PostgreSQL: prints the pg_dump command).") { backupFile };
        backup.SetAction(parse => Copy(app, parse.GetValue(backupFile)!, toBackup: true));
        var restoreFile = new Argument<string>("file") { Description = "Backup file to restore from (stop the server first)." };
        var restore = new Command("restore", "Restore the SQLite database from a backup file (PostgreSQL: prints the pg_restore command).") { restoreFile };
        restore.SetAction(parse => Copy(app, parse.GetValue(restoreFile)!, toBackup: false));

        var importFile = new Argument<string>("file") { Description = "The roster workbook (.xlsx)." };
        var scope = new Option<string>("--scope") { Description = "Code of the place whose organizations receive the members (default: the subdistrict)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would be imported and what is wrong." };
        var importMembers = new Command("members", "Import a Party member roster (.xlsx).") { importFile, scope, dryRun };
        importMembers.SetAction((parse, ct) => ImportMembersAsync(app, parse.GetValue(importFile)!, parse.GetValue(scope), parse.GetValue(dryRun), ct));
        var import = new Command("import", "Import data from Excel.") { importMembers };

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(import);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(createAdmin);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> SeedCityAsync(WebApplication app, int communities, int courtyards, int perBranch, CancellationToken ct)
    {
        await Startup.MigrateAsync(app.Services, ct);
        await Startup.SeedDemoIfEmptyAsync(app.Services, ct);
        using var quiet = Core.Audit.AuditSuppression.Begin();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var places = await app.Services.GetRequiredService<Places.Contracts.IPlaceTreeSetup>()
            .GenerateCityAsync(communities, courtyards, new Progress<int>(n => Console.Write($"\r  communities: {n}/{communities}")), ct);
        Console.WriteLine();
        var (orgs, members) = await app.Services.GetRequiredService<Party.Contracts.IPartyBenchmarkData>()
            .GenerateAsync(places, perBranch, new Progress<int>(n => Console.Write($"\r  members: {n}")), ct);
        Console.WriteLine();
        Console.WriteLine($"Generated {places.Count} courtyards, {orgs} branches and {members} members in {started.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    private static async Task<int> SeedDemandsAsync(WebApplication app, int count, int days, CancellationToken ct)
    {
        await Startup.MigrateAsync(app.Services, ct);
        await Startup.SeedDemoIfEmptyAsync(app.Services, ct);
        using var quiet = Core.Audit.AuditSuppression.Begin();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var made = await app.Services.GetRequiredService<Demands.Contracts.IDemandBenchmarkData>()
            .GenerateAsync(count, days, new Progress<int>(n => Console.Write($"\r  demands: {n}/{count}")), ct);
        Console.WriteLine();
        Console.WriteLine($"Generated {made} demands in {started.Elapsed.TotalSeconds:0} s.");
        return 0;
    }

    private static async Task<int> ImportMembersAsync(WebApplication app, string file, string? scopeCode, bool dryRun, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No file at {file}.");
            return 1;
        }
        await Startup.MigrateAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var places = scope.ServiceProvider.GetRequiredService<Places.Contracts.IPlaceDirectory>();
        var place = string.IsNullOrWhiteSpace(scopeCode) ? await places.RootAsync(ct) : await places.FindByCodeAsync(scopeCode, ct);
        if (place is null)
        {
            await Console.Error.WriteLineAsync($"No place with code {scopeCode}.");
            return 1;
        }
        // The operator at the console acts as a system administrator of the whole tree.
        var root = await places.RootAsync(ct);
        var operatorPrincipal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(Scope.GrantClaim, Scope.ClaimValue(Role.SystemAdmin, root.Path))], "cli"));
        var importer = scope.ServiceProvider.GetRequiredService<Party.Contracts.IRosterImport>();
        await using var stream = File.OpenRead(file);
        // A progress bar over the workbook's bytes read (rows stream in; their number is unknown until the end).
        var bar = Spectre.Console.ProgressExtensions.Columns(Spectre.Console.AnsiConsole.Progress(),
            new Spectre.Console.TaskDescriptionColumn(), new Spectre.Console.ProgressBarColumn(), new Spectre.Console.PercentageColumn(), new Spectre.Console.ElapsedTimeColumn());
        var report = await bar.StartAsync(async ctx =>
            {
                var task = ctx.AddTask(dryRun ? "checking" : "importing", maxValue: Math.Max(1, stream.Length));
                var progress = new Progress<int>(rows =>
                {
                    task.Description = $"{(dryRun ? "checking" : "importing")} {rows} rows";
                    task.Value = Math.Min(stream.Position, stream.Length);
                });
                var result = await importer.RunAsync(stream, place.Path, dryRun, operatorPrincipal, ct, progress);
                task.Value = task.MaxValue;
                return result;
            });
        Console.WriteLine(dryRun
            ? $"Dry run: {report.Rows} rows, {report.Valid} would be imported, {report.Invalid} have problems."
            : $"{report.Rows} rows: {report.Imported} imported, {report.Invalid} skipped because of problems.");
        foreach (var p in report.Problems.Take(200))
        {
            Console.WriteLine($"  row {p.Row} {p.Name}: {string.Join("; ", p.Errors)}");
        }
        return report.Invalid == 0 ? 0 : 3;
    }

    private static int Copy(WebApplication app, string file, bool toBackup)
    {
        var info = app.Services.GetRequiredService<DatabaseInfo>();
        if (info.Provider == DatabaseProvider.Postgres)
        {
            Console.WriteLine(toBackup
                ? $"PostgreSQL: pg_dump --format=custom --file \"{file}\" \"<your connection's database>\" (see docs/admin-guide.md)"
                : $"PostgreSQL: pg_restore --clean --if-exists --dbname \"<your connection's database>\" \"{file}\" (see docs/admin-guide.md)");
            return 2;
        }
        var live = new SqliteConnectionStringBuilder(info.ConnectionString).DataSource;
        if (!toBackup && !File.Exists(file))
        {
            Console.Error.WriteLine($"No backup file at {file}.");
            return 1;
        }
        using var source = new SqliteConnection($"Data Source={(toBackup ? live : file)};Pooling=False");
        using var target = new SqliteConnection($"Data Source={(toBackup ? file : live)};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        Console.WriteLine(toBackup ? $"Backed up {live} to {file}." : $"Restored {live} from {file}.");
        return 0;
    }
}
