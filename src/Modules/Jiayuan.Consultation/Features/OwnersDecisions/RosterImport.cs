using System.Security.Claims;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Core.Text;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.OwnersDecisions;

/// <summary>One row of the file: what it would add (or added), and what is wrong with it; owner names masked.</summary>
public sealed record RosterImportRow(int Row, string? Unit, string? Area, string? Owner, bool Valid, string? Action, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes);

/// <summary>What an import (or its dry run) came to: counts, the area added, and every row.</summary>
public sealed record RosterImportReport(bool DryRun, int Rows, int Valid, int Invalid, int Imported, int NewOwners, string Area, IReadOnlyList<RosterImportRow> Lines);

/// <summary>
/// The owner roster from the table a property office keeps (楼栋/单元/房号, 专有部分面积, 业主姓名, 手机号, 是否未售/开发商), as .xlsx or .csv.
/// A dry run reports row by row; an import adds the valid rows and nothing wrong. Rows of the same name and phone are one owner
/// (counted once, all their area counts); unsold units go to the developer, who counts as one owner.
/// </summary>
public static class RosterImportEndpoints
{
    public static RouteGroupBuilder MapRosterImport(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/compounds/{code}/roster/import", async (string code, bool? dryRun, IFormFile? file, RosterImporter importer, ClaimsPrincipal user,
                CancellationToken ct) => (await importer.RunAsync(code, file, dryRun ?? true, user, ct)).ToResult(""))
            .RequireAuthorization().DisableAntiforgery().WithName("ImportCompoundRoster")
            .WithSummary("Import a compound's owner roster (.xlsx or .csv, multipart `file`); dryRun=true (default) only reports, row by row, what would be added and what is wrong.");
        return api;
    }
}

internal sealed class RosterImporter(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxRows = 5000;

    private static readonly string[] LabelHeaders = ["楼栋/单元/房号", "房号", "房屋", "单元号", "房屋坐落"];
    private static readonly string[] AreaHeaders = ["专有部分面积", "专有部分面积(m2)", "专有部分面积(平方米)", "建筑面积", "面积"];
    private static readonly string[] NameHeaders = ["业主姓名", "业主", "姓名"];
    private static readonly string[] PhoneHeaders = ["手机号", "手机号码", "联系电话", "电话"];
    private static readonly string[] UnsoldHeaders = ["是否未售/开发商", "是否未售", "未售", "开发商"];

    private sealed record Line(Spreadsheet.Row Source, string? Label, long? Area, string? Name, string? Phone, bool Developer, List<string> Errors, List<string> Notes)
    {
        public string Key => Developer ? "developer" : $"{Name}\u0001{Phone}";
    }

    public async Task<StaffOutcome<RosterImportReport>> RunAsync(string code, IFormFile? file, bool dryRun, ClaimsPrincipal user, CancellationToken ct)
    {
        var courtyard = await places.FindByCodeAsync(code, ct);
        if (courtyard is null || courtyard.Kind != PlaceKind.Courtyard)
        {
            return new(default, null, 404);
        }
        if (!user.Covers(courtyard.Path, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        if (file is null || file.Length == 0 || !Spreadsheet.IsSupported(file.FileName))
        {
            return new(default, new FieldErrors(l).Add("file", "Upload the roster as an .xlsx workbook or a .csv file."), 400);
        }
        if (file.Length > Uploads.MaxBytes)
        {
            return new(default, new FieldErrors(l).Add("file", "The file is larger than 10 MB."), 400);
        }
        List<Spreadsheet.Row> rows;
        try
        {
            await using var stream = file.OpenReadStream();
            rows = Spreadsheet.Read(stream, file.FileName, MaxRows);
        }
        catch (InvalidDataException)
        {
            return new(default, new FieldErrors(l).Add("file", "The file cannot be read as a table with a header row (at most {0} rows).", MaxRows), 400);
        }
        if (rows.Count > 0 && rows.All(r => r.Get(LabelHeaders) is null && r.Get("楼栋", "单元") is null) )
        {
            return new(default, new FieldErrors(l).Add("file", "The header row needs the columns 楼栋/单元/房号, 专有部分面积, 业主姓名, 手机号 (optional) and 是否未售/开发商."), 400);
        }
        return new(await ImportAsync(courtyard, rows, dryRun, ct), null, 200);
    }

    private Line Parse(Spreadsheet.Row row, Dictionary<string, int> labelsSeen)
    {
        var errors = new List<string>();
        var notes = new List<string>();
        foreach (var f in row.Folded)
        {
            notes.Add(l["Full-width characters in {0} normalized: “{1}” → “{2}”.", f.Header, f.Original, f.Normalized]);
        }
        var label = row.Get("楼栋/单元/房号");
        if (label is null && row.Get("楼栋") is { } building)
        {
            // Separate columns: 5 / 1 / 101 → 5栋1单元101.
            var unit = row.Get("单元");
            var room = row.Get("房号", "室号") ?? "";
            label = $"{building}{(building.All(char.IsAsciiDigit) ? "栋" : "")}{unit}{(unit is not null && unit.All(char.IsAsciiDigit) ? "单元" : "")}{room}";
        }
        label ??= row.Get(LabelHeaders);
        if (string.IsNullOrWhiteSpace(label))
        {
            errors.Add(l["The unit (楼栋/单元/房号) is missing."]);
            label = null;
        }
        else if (label.Length > 100)
        {
            errors.Add(l["The unit (楼栋/单元/房号) is longer than 100 characters."]);
        }
        else if (labelsSeen.TryGetValue(label, out var first))
        {
            errors.Add(l["Unit {0} appears twice in the file (row {1}).", label, first]);
        }
        else
        {
            labelsSeen[label] = row.Number;
        }
        var areaText = row.Get(AreaHeaders);
        var area = OwnersDecisionRules.ParseArea(StripUnit(areaText));
        if (area is not > 0)
        {
            errors.Add(l["Area “{0}” is not an exclusive area in m² with at most 2 decimals (such as 89.56).", areaText ?? ""]);
        }
        var unsoldText = row.Get(UnsoldHeaders);
        bool? developer = unsoldText switch
        {
            null or "否" or "N" or "n" or "no" or "No" or "0" or "false" or "FALSE" or "已售" => false,
            "是" or "Y" or "y" or "yes" or "Yes" or "1" or "true" or "TRUE" or "未售" or "开发商" or "√" => true,
            _ => null,
        };
        if (developer is null)
        {
            errors.Add(l["是否未售/开发商 must be 是 or 否, not “{0}”.", unsoldText ?? ""]);
        }
        var name = row.Get(NameHeaders);
        if (developer != true && name is null)
        {
            errors.Add(l["The owner's name (业主姓名) is missing; leave it empty only for unsold units."]);
        }
        else if (name is { Length: > 100 })
        {
            errors.Add(l["The owner's name is longer than 100 characters."]);
        }
        var phoneText = row.Get(PhoneHeaders);
        string? phone = null;
        if (phoneText is not null && developer != true)
        {
            phone = Phone.Normalize(phoneText);
            if (!Phone.IsMobile(phone))
            {
                errors.Add(l["手机号 {0} is not a mobile number.", phoneText]);
            }
        }
        return new Line(row, label, area, name, phone, developer == true, errors, notes);
    }

    /// <summary>"89.56㎡", "89.56 m2", "89.56平方米" → "89.56" (㎡ is folded to m2 before).</summary>
    private static string? StripUnit(string? text)
    {
        if (text is null)
        {
            return null;
        }
        foreach (var unit in new[] { "平方米", "平米", "m²", "m2", "M2" })
        {
            if (text.EndsWith(unit, StringComparison.Ordinal))
            {
                return text[..^unit.Length].Trim();
            }
        }
        return text;
    }

    private async Task<RosterImportReport> ImportAsync(PlaceSummary courtyard, List<Spreadsheet.Row> rows, bool dryRun, CancellationToken ct)
    {
        var owners = await db.Set<CompoundOwner>().Where(o => o.CourtyardId == courtyard.Id).ToListAsync(ct);
        var existingLabels = (await db.Set<CompoundUnit>().AsNoTracking().Where(u => u.CourtyardId == courtyard.Id).Select(u => u.Label).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var labelsSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = rows.Select(r => Parse(r, labelsSeen)).ToList();
        foreach (var line in lines.Where(x => x.Label is not null && existingLabels.Contains(x.Label)))
        {
            line.Errors.Add(l["Unit {0} is already on the roster.", line.Label!]);
        }

        // Owners: rows of the same name and phone are one owner; on the roster (which keeps no phones) an owner of the same name
        // is the same one only when neither the roster nor the file has two people of that name.
        var fileKeysByName = lines.Where(x => !x.Developer && x.Name is not null).GroupBy(x => x.Name!).ToDictionary(g => g.Key, g => g.Select(x => x.Key).Distinct().Count());
        var rosterByName = owners.Where(o => !o.IsDeveloper).GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList());
        var developer = owners.FirstOrDefault(o => o.IsDeveloper);
        foreach (var line in lines.Where(x => !x.Developer && x.Name is not null && rosterByName.ContainsKey(x.Name)))
        {
            if (rosterByName[line.Name!].Count > 1 || fileKeysByName[line.Name!] > 1)
            {
                line.Errors.Add(l["Several owners named {0}: the roster keeps no phone numbers, so the file cannot tell which one this is; add the unit on the roster page.", Masking.Name(line.Name!)]);
            }
        }

        var firstRowOfName = new Dictionary<string, (int Row, string Key)>(StringComparer.Ordinal);
        foreach (var line in lines.Where(x => !x.Developer && x.Name is not null))
        {
            if (!firstRowOfName.TryAdd(line.Name!, (line.Source.Number, line.Key)) && firstRowOfName[line.Name!].Key != line.Key)
            {
                line.Notes.Add(l["Row {0} has the same name with another phone: counted as a different owner.", firstRowOfName[line.Name!].Row]);
            }
        }
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var newOwners = new Dictionary<string, CompoundOwner>(StringComparer.Ordinal);
        var units = new List<(Line Line, CompoundOwner Owner)>();
        var now = clock.GetUtcNow();
        long areaAdded = 0;
        var report = new List<RosterImportRow>(lines.Count);
        foreach (var line in lines)
        {
            var valid = line.Errors.Count == 0;
            string? action = null;
            if (valid)
            {
                var owner = line.Developer ? developer : rosterByName.TryGetValue(line.Name!, out var same) ? same[0] : null;
                var known = owner is not null || newOwners.ContainsKey(line.Key);
                action = (line.Developer, owner is not null, known) switch
                {
                    (true, _, false) => l["Unsold unit: the developer joins the roster as one owner."],
                    (true, _, true) => l["Unsold unit: added to the developer (one owner)."],
                    (false, true, _) => l["Unit added to {0}, already on the roster (counted once).", Masking.Name(owner!.Name)],
                    (false, false, true) => l["Same owner as row {0} (same name and phone): counted once, the area adds up.", firstRowOfKey[line.Key]],
                    _ => l["New owner {0}.", Masking.Name(line.Name!)],
                };
                firstRowOfKey.TryAdd(line.Key, line.Source.Number);
                if (owner is null && !newOwners.TryGetValue(line.Key, out owner))
                {
                    owner = new CompoundOwner
                    {
                        CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, Name = line.Developer ? line.Name ?? l["Developer (unsold units)"] : line.Name!,
                        IsDeveloper = line.Developer, CreatedAt = now,
                    };
                    newOwners[line.Key] = owner;
                }
                units.Add((line, owner));
                areaAdded += line.Area!.Value;
            }
            report.Add(new RosterImportRow(line.Source.Number, line.Label, line.Area is { } a ? OwnersDecisionRules.Area(a) : null,
                line.Developer ? l["Developer (unsold units)"] : line.Name is null ? null : Masking.Name(line.Name), valid, action, line.Errors, line.Notes));
        }
        var imported = 0;
        if (!dryRun && units.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AddRange(newOwners.Values);
            await db.SaveChangesAsync(ct);
            db.AddRange(units.Select(u => new CompoundUnit { CourtyardId = courtyard.Id, Label = u.Line.Label!, AreaHundredths = u.Line.Area!.Value, OwnerId = u.Owner.Id, CreatedAt = now }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            imported = units.Count;
        }
        var validCount = report.Count(r => r.Valid);
        return new RosterImportReport(dryRun, report.Count, validCount, report.Count - validCount, imported, newOwners.Count, OwnersDecisionRules.Area(areaAdded), report);
    }
}
