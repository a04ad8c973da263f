using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Excel = MiniExcelLibs.MiniExcel;

namespace Jiayuan.Party.Features.Import;

/// <summary>
/// Import a member roster from the workbook a branch already keeps (姓名, 性别, 身份证号, 手机号, 党员类型, 入党日期, 转正日期,
/// 所在党组织, 工作单位). A dry run reports row by row; a real run imports the valid rows and nothing wrong. Export gives the roster back.
/// </summary>
public static class RosterImportEndpoints
{
    public static RouteGroupBuilder MapRosterImport(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/import", async Task<Results<Ok<ImportReport>, ProblemHttpResult, NotFound, ForbidHttpResult>> (
                string? scope, bool? dryRun, IFormFile? file, IPlaceDirectory places, RosterImporter importer, ClaimsPrincipal user,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                if (!user.Covers(place.Path, PartyAccess.Managers))
                {
                    return TypedResults.Forbid();
                }
                if (file is null || file.Length == 0 || !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    return TypedResults.Problem(l["Upload the roster as an .xlsx workbook."], statusCode: 400);
                }
                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(await importer.RunAsync(stream, place.Path, dryRun ?? true, user, ct));
            })
            .RequireAuthorization().DisableAntiforgery().WithName("ImportMembers")
            .WithSummary("Import a roster (.xlsx); dryRun=true (default) only reports what would be imported and what is wrong, row by row.");
        api.MapGet("/party/organizations/{id:long}/members.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (long id, OrgQueries queries,
                IAuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (await queries.DetailAsync(id, user, ct) is not { } detail)
                {
                    return TypedResults.NotFound();
                }
                var rows = detail.Members.Select(m => new Dictionary<string, object?>
                {
                    ["姓名"] = m.Name, ["性别"] = m.Gender.ToString(), ["身份证号"] = m.IdNumber, ["手机号"] = m.Phone,
                    ["党员类型"] = m.Status == MemberStatus.Full ? "正式党员" : "预备党员", ["入党日期"] = m.AdmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["党龄"] = m.PartyAge, ["所在党组织"] = detail.Organization.Name, ["工作单位"] = m.WorkUnit, ["月党费"] = m.MonthlyDues,
                });
                using var buffer = new MemoryStream();
                await Excel.SaveAsAsync(buffer, rows, cancellationToken: ct);
                await audit.RecordAsync("export", "PartyMember", detail.Organization.Id.ToString(CultureInfo.InvariantCulture), "roster (masked)", ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{detail.Organization.Name}-党员名册.xlsx");
            })
            .RequireAuthorization().WithName("ExportMembers").WithSummary("The roster as an .xlsx workbook (ID numbers and phones masked; audited).");
        return api;
    }
}

internal sealed class RosterImporter(JiayuanDbContext db, IPersonalDataCipher cipher, TimeProvider clock, IStringLocalizer<SharedResource> l) : IRosterImport
{
    private const int BatchSize = 1000;
    private static readonly string[] _dateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private sealed record Parsed(int Row, string? IdHash, PartyMember? Member, ImportRow Result);

    public async Task<ImportReport> RunAsync(Stream workbook, string scopePath, bool dryRun, ClaimsPrincipal user, CancellationToken ct, IProgress<int>? progress = null)
    {
        var (from, to) = TreePath.Descendants(scopePath);
        var orgs = await db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => o.Kind != OrgKind.PartyGroup && (o.PlacePath == scopePath || (string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0)))
            .ToListAsync(ct);
        var byName = orgs.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First());
        var byCode = orgs.ToDictionary(o => o.Code);
        var today = Jiayuan.Core.Text.Dates.Today(clock);
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<ImportRow>();
        int rows = 0, valid = 0, imported = 0;
        var batch = new List<Parsed>(BatchSize);

        async Task FlushAsync()
        {
            // Duplicate IDs already in the database, one query per batch.
            var hashes = batch.Where(p => p.IdHash is not null).Select(p => p.IdHash!).ToList();
            // Past the query filter: a person whose probationary membership was cancelled keeps the ID (unique), and the row says so.
            var existing = (await db.Set<PartyMember>().IgnoreQueryFilters().AsNoTracking().Where(m => hashes.Contains(m.IdNumberHash!))
                .Select(m => new { Hash = m.IdNumberHash!, m.Status }).ToListAsync(ct)).ToDictionary(m => m.Hash, m => m.Status);
            foreach (var p in batch)
            {
                if (p.IdHash is not null && existing.TryGetValue(p.IdHash, out var existingStatus))
                {
                    problems.Add(p.Result with { Valid = false, Errors = [.. p.Result.Errors, existingStatus == MemberStatus.Cancelled
                        ? l["This ID number belongs to a person whose probationary membership was cancelled."]
                        : l["This ID number is already registered as a Party member."]] });
                    continue;
                }
                if (p.Member is null)
                {
                    problems.Add(p.Result);
                    continue;
                }
                valid++;
                if (!dryRun)
                {
                    db.Add(p.Member);
                    imported++;
                }
            }
            if (!dryRun)
            {
                await db.SaveChangesAsync(ct);
                await Data.OrgCounters.RefreshAsync(db, [.. batch.Where(p => p.Member is not null).Select(p => p.Member!.OrganizationId).Distinct()], ct);
                db.ChangeTracker.Clear();
            }
            batch.Clear();
            progress?.Report(rows);
        }

        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in Excel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>())
        {
            rowNumber++;
            if (cells.Values.All(v => v is null || string.IsNullOrWhiteSpace(v.ToString())))
            {
                continue;
            }
            rows++;
            batch.Add(ParseRow(rowNumber, cells, byName, byCode, seen, user, today, now));
            if (batch.Count == BatchSize)
            {
                await FlushAsync();
            }
        }
        if (batch.Count > 0)
        {
            await FlushAsync();
        }
        return new ImportReport(dryRun, rows, valid, rows - valid, imported, problems);
    }

    /// <summary>A cell as text, full-width characters folded to ASCII (NFKC), trimmed; null when empty.</summary>
    private static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture) is { } s
            && s.Normalize(System.Text.NormalizationForm.FormKC).Trim() is { Length: > 0 } t ? t : null;

    private static DateOnly? Date(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var v) ? v switch
        {
            DateTime d => DateOnly.FromDateTime(d),
            double serial => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            string s when DateOnly.TryParseExact(s.Normalize(System.Text.NormalizationForm.FormKC).Trim(), _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            _ => null,
        } : null;

    private Parsed ParseRow(int row, IDictionary<string, object?> cells, Dictionary<string, PartyOrganization> byName, Dictionary<string, PartyOrganization> byCode,
        HashSet<string> seen, ClaimsPrincipal user, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<string>();
        var name = Cell(cells, "姓名");
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(l["姓名 is required."]);
        }
        var id = Cell(cells, "身份证号") is { } raw ? ChineseId.Normalize(raw) : null;
        if (id is null || !ChineseId.IsValid(id))
        {
            errors.Add(l["身份证号 {0} is not valid (GB 11643 check digit).", id ?? ""]);
            id = null;
        }
        else if (!seen.Add(id))
        {
            errors.Add(l["身份证号 {0} appears twice in this workbook.", Masking.IdNumber(id)]);
        }
        var gender = Cell(cells, "性别");
        if (id is { Length: 18 } && gender is "男" or "女" && (id[16] - '0') % 2 == (gender == "男" ? 0 : 1))
        {
            errors.Add(l["性别 {0} does not match the ID number.", gender]);
        }
        var phone = Cell(cells, "手机号");
        if (phone is not null && !Phone.IsMobile(Phone.Normalize(phone)))
        {
            errors.Add(l["手机号 {0} is not a mobile number.", phone]);
            phone = null;
        }
        var orgKey = Cell(cells, "所在党组织");
        PartyOrganization? org = null;
        if (orgKey is null || !(byName.TryGetValue(orgKey, out org) || byCode.TryGetValue(orgKey, out org)))
        {
            errors.Add(l["所在党组织 “{0}” is not an organization in your scope.", orgKey ?? ""]);
        }
        else if (!user.Covers(org.PlacePath, PartyAccess.Managers))
        {
            errors.Add(l["所在党组织 “{0}” is not an organization in your scope.", orgKey]);
            org = null;
        }
        var type = Cell(cells, "党员类型");
        var admitted = Date(cells, "入党日期");
        var full = Date(cells, "转正日期");
        MemberStatus? status = type switch { "正式党员" or "正式" => MemberStatus.Full, "预备党员" or "预备" => MemberStatus.Probationary, _ => null };
        if (status is null)
        {
            errors.Add(l["党员类型 must be 正式党员 or 预备党员."]);
        }
        if (admitted is null || admitted > today)
        {
            errors.Add(l["入党日期 is missing, not a date, or in the future."]);
        }
        else if (status == MemberStatus.Probationary)
        {
            if (full is not null)
            {
                errors.Add(l["A probationary member has no 转正日期."]);
            }
            if (admitted < today.AddMonths(-24))
            {
                errors.Add(l["入党日期 {0} is more than 2 years ago: probation (1 year, extended at most once by 12 months) is over; record the conversion.", admitted.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
        }
        else if (status == MemberStatus.Full && full is { } f && (f < admitted.Value.AddMonths(12) || f > admitted.Value.AddMonths(24)))
        {
            errors.Add(l["转正日期 must be 1 to 2 years after 入党日期 (probation of 1 year, extended at most once)."]);
        }
        var result = new ImportRow(row, name, errors.Count == 0, errors);
        var idHash = id is null ? null : cipher.Hash(id);
        if (errors.Count > 0)
        {
            return new Parsed(row, idHash, null, result);
        }
        var normalizedPhone = phone is null ? null : Phone.Normalize(phone);
        var probationEnd = admitted!.Value.AddMonths(PartyMember.ProbationMonths);
        var member = new PartyMember
        {
            OrganizationId = org!.Id, OrgPath = org.Path, PlacePath = org.PlacePath, IsTwoNew = org.TwoNew is not null, RealName = name!,
            Gender = gender is "女" ? '女' : gender is "男" ? '男' : (id!.Length == 18 && (id[16] - '0') % 2 == 0 ? '女' : '男'),
            IdNumberCipher = cipher.Protect(id!), IdNumberHash = idHash, IdNumberMasked = Masking.IdNumber(id!),
            PhoneCipher = normalizedPhone is null ? null : cipher.Protect(normalizedPhone), PhoneMasked = normalizedPhone is null ? null : Masking.Phone(normalizedPhone),
            Status = status!.Value, AdmittedOn = admitted.Value,
            ProbationEndsOn = status == MemberStatus.Full ? full ?? probationEnd : probationEnd,
            ProbationExtended = full is { } ff && ff > probationEnd,
            FullSince = status == MemberStatus.Full ? full ?? probationEnd : null,
            WorkUnit = Cell(cells, "工作单位"), DuesCategory = DuesCategory.Employed, CreatedAt = now, UpdatedAt = now,
        };
        return new Parsed(row, idHash, member, result);
    }
}
