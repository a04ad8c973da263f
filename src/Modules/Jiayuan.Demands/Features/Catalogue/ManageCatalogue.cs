using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Submit;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Demands.Features.Catalogue;

public sealed record CategoryInput(string? Code, string? Name, string? Group, string? Description, string? DefaultType, string? DefaultUrgency,
    string? DefaultHandlerCode, int? FeedbackWorkingDays, bool Active = true);
public sealed record CategoryRow(long Id, string Code, string Name, string Group, string? Description, DemandType DefaultType, Urgency DefaultUrgency,
    string? DefaultHandler, int FeedbackWorkingDays, bool Active);
public sealed record RuleInput(string? CategoryCode, string? PlaceCode, string? HandlerCode, IReadOnlyList<string>? CoHandlerCodes);
public sealed record RuleRow(long Id, string? CategoryCode, string PlacePath, string HandlerPath, string? CoHandlerPaths);
public sealed record CalendarDayRow(DateOnly Date, bool Workday, string Name);
public sealed record Open311ClientInput(string? Name);
public sealed record Open311ClientCreated(long Id, string Name, string ApiKey);
public sealed record Open311ClientRow(long Id, string Name, string KeyPrefix, DateTimeOffset CreatedAt, bool Revoked);

/// <summary>What a subdistrict admin maintains: the category catalogue, routing rules, the holiday table and Open311 clients.</summary>
public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapDemandCatalogue(this RouteGroupBuilder api)
    {
        api.MapGet("/demands/categories", async (CatalogueAdmin admin, CancellationToken ct) => Results.Ok(await admin.CategoriesAsync(ct)))
            .AllowAnonymous().WithName("DemandCategories").WithSummary("The category catalogue with default units and time limits.");
        api.MapPost("/demands/categories", async Task<Results<Created<CategoryRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                CategoryInput input, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await admin.SaveCategoryAsync(null, input, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/demands/categories/{r.Id}");
            })
            .RequireAuthorization().WithName("CreateDemandCategory").WithSummary("Add a category (subdistrict admins).");
        api.MapPut("/demands/categories/{id:long}", async Task<Results<Ok<CategoryRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, CategoryInput input, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await admin.SaveCategoryAsync(id, input, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("UpdateDemandCategory").WithSummary("Change a category (subdistrict admins); existing demands keep their deadlines.");
        api.MapGet("/demands/routing-rules", async (CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
                admin.IsAdmin(user) ? Results.Ok(await admin.RulesAsync(ct)) : Results.Forbid())
            .RequireAuthorization().WithName("RoutingRules").WithSummary("Routing rules (subdistrict admins).");
        api.MapPost("/demands/routing-rules", async Task<Results<Created<RuleRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                RuleInput input, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await admin.AddRuleAsync(input, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/demands/routing-rules/{r.Id}");
            })
            .RequireAuthorization().WithName("AddRoutingRule").WithSummary("category × place subtree → lead unit (+ co-units).");
        api.MapDelete("/demands/routing-rules/{id:long}", async (long id, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
                !admin.IsAdmin(user) ? Results.Forbid() : await admin.DeleteRuleAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization().WithName("DeleteRoutingRule").WithSummary("Remove a routing rule.");
        api.MapGet("/demands/calendar/{year:int}", async (int year, WorkCalendar calendar, CancellationToken ct) =>
                Results.Ok((await calendar.DaysAsync(ct)).Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date).Select(d => new CalendarDayRow(d.Date, d.Workday, d.Name))))
            .AllowAnonymous().WithName("WorkCalendar").WithSummary("Holidays and make-up working days of a year (shipped table unless edited).");
        api.MapPut("/demands/calendar/{year:int}", async Task<Results<Ok<IReadOnlyList<CalendarDayRow>>, ValidationProblem, NotFound, ForbidHttpResult>> (
                int year, IReadOnlyList<CalendarDayRow> days, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (rows, errors, status) = await admin.ReplaceYearAsync(year, days, user, ct);
                return Outcome.Ok(rows, errors, status);
            })
            .RequireAuthorization().WithName("EditWorkCalendar").WithSummary("Replace a year's holidays and make-up working days (subdistrict admins).");
        api.MapPost("/open311/clients", async Task<Results<Created<Open311ClientCreated>, ValidationProblem, NotFound, ForbidHttpResult>> (
                Open311ClientInput input, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await admin.CreateClientAsync(input, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/open311/clients/{r.Id}");
            })
            .RequireAuthorization().WithName("CreateOpen311Client").WithSummary("Issue an Open311 api_key to a client (shown once; only its hash is kept).");
        api.MapGet("/open311/clients", async (CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
                admin.IsAdmin(user) ? Results.Ok(await admin.ClientsAsync(ct)) : Results.Forbid())
            .RequireAuthorization().WithName("Open311Clients").WithSummary("Open311 clients and their key prefixes.");
        api.MapPost("/open311/clients/{id:long}/revoke", async (long id, CatalogueAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
                !admin.IsAdmin(user) ? Results.Forbid() : await admin.RevokeClientAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization().WithName("RevokeOpen311Client").WithSummary("Revoke a client's key.");
        return api;
    }
}

internal sealed class CatalogueAdmin(JiayuanDbContext db, IPlaceDirectory places, WorkCalendar calendar, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public bool IsAdmin(ClaimsPrincipal user) => user.HasAnyRole(Role.SubdistrictAdmin);

    public async Task<IReadOnlyList<CategoryRow>> CategoriesAsync(CancellationToken ct)
    {
        var rows = await db.Set<Category>().AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Code).ToListAsync(ct);
        var result = new List<CategoryRow>();
        foreach (var c in rows)
        {
            result.Add(await ToRow(c, ct));
        }
        return result;
    }

    private async Task<CategoryRow> ToRow(Category c, CancellationToken ct) =>
        new(c.Id, c.Code, c.Name, c.Group, c.Description, c.DefaultType, c.DefaultUrgency,
            c.DefaultHandlerPath is { } p ? (await places.FindByPathAsync(p, ct))?.Name : null, c.FeedbackWorkingDays ?? DemandRules.FeedbackWorkingDays(c.DefaultType), c.Active);

    public async Task<(CategoryRow? Row, FieldErrors Errors, int Status)> SaveCategoryAsync(long? id, CategoryInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        if (!IsAdmin(user))
        {
            return (null, errors, 403);
        }
        var category = id is null ? null : await db.Set<Category>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (id is not null && category is null)
        {
            return (null, errors, 404);
        }
        errors.Required("code", input.Code, "Code").MaxLength("code", input.Code, 40, "Code")
            .Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name")
            .Required("group", input.Group, "Group").MaxLength("group", input.Group, 50, "Group").MaxLength("description", input.Description, 500, "Description");
        var type = DemandType.Complaint;
        if (!string.IsNullOrWhiteSpace(input.DefaultType) && !Enum.TryParse(input.DefaultType, true, out type))
        {
            errors.Add("defaultType", "Unknown type {0}.", input.DefaultType);
        }
        var urgency = Urgency.Normal;
        if (!string.IsNullOrWhiteSpace(input.DefaultUrgency) && !Enum.TryParse(input.DefaultUrgency, true, out urgency))
        {
            errors.Add("defaultUrgency", "Unknown urgency {0}.", input.DefaultUrgency);
        }
        PlaceSummary? handler = null;
        if (!string.IsNullOrWhiteSpace(input.DefaultHandlerCode) && (handler = await places.FindByCodeAsync(input.DefaultHandlerCode.Trim(), ct)) is null)
        {
            errors.Add("defaultHandlerCode", "Unknown place {0}.", input.DefaultHandlerCode);
        }
        if (input.FeedbackWorkingDays is < 1 or > 60)
        {
            errors.Add("feedbackWorkingDays", "Between 1 and 60 working days.");
        }
        var code = input.Code?.Trim() ?? "";
        if (!errors.Any && await db.Set<Category>().AnyAsync(c => c.Code == code && c.Id != (id ?? 0), ct))
        {
            errors.Add("code", "The code {0} is already used.", code);
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        category ??= db.Add(new Category { Code = code, Name = "", Group = "" }).Entity;
        category.Code = code;
        category.Name = input.Name!.Trim();
        category.Group = input.Group!.Trim();
        category.Description = input.Description?.Trim();
        category.DefaultType = type;
        category.DefaultUrgency = urgency;
        category.DefaultHandlerPath = handler?.Path;
        category.FeedbackWorkingDays = input.FeedbackWorkingDays;
        category.Active = input.Active;
        await db.SaveChangesAsync(ct);
        DemandRouter.Invalidate();
        return (await ToRow(category, ct), errors, id is null ? 201 : 200);
    }

    public async Task<IReadOnlyList<RuleRow>> RulesAsync(CancellationToken ct)
    {
        var codes = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var rules = await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.PlacePath).ToListAsync(ct);
        return [.. rules.Select(r => new RuleRow(r.Id, r.CategoryId is { } c ? codes[c] : null, r.PlacePath, r.HandlerPath, r.CoHandlerPaths))];
    }

    public async Task<(RuleRow? Row, FieldErrors Errors, int Status)> AddRuleAsync(RuleInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        if (!IsAdmin(user))
        {
            return (null, errors, 403);
        }
        Category? category = null;
        if (!string.IsNullOrWhiteSpace(input.CategoryCode) && (category = await db.Set<Category>().FirstOrDefaultAsync(c => c.Code == input.CategoryCode.Trim(), ct)) is null)
        {
            errors.Add("categoryCode", "Unknown category {0}.", input.CategoryCode);
        }
        var place = string.IsNullOrWhiteSpace(input.PlaceCode) ? null : await places.FindByCodeAsync(input.PlaceCode.Trim(), ct);
        if (place is null)
        {
            errors.Add("placeCode", "Unknown place {0}.", input.PlaceCode ?? "");
        }
        var handler = string.IsNullOrWhiteSpace(input.HandlerCode) ? null : await places.FindByCodeAsync(input.HandlerCode.Trim(), ct);
        if (handler is null)
        {
            errors.Add("handlerCode", "Unknown place {0}.", input.HandlerCode ?? "");
        }
        var co = new List<string>();
        foreach (var code in input.CoHandlerCodes ?? [])
        {
            if (await places.FindByCodeAsync(code, ct) is { } p)
            {
                co.Add(p.Path);
            }
            else
            {
                errors.Add("coHandlerCodes", "Unknown place {0}.", code);
            }
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        var rule = new RoutingRule { CategoryId = category?.Id, PlacePath = place!.Path, HandlerPath = handler!.Path, CoHandlerPaths = co.Count == 0 ? null : string.Join('|', co) };
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        DemandRouter.Invalidate();
        return (new RuleRow(rule.Id, category?.Code, rule.PlacePath, rule.HandlerPath, rule.CoHandlerPaths), errors, 201);
    }

    public async Task<bool> DeleteRuleAsync(long id, CancellationToken ct)
    {
        // Tracked (not ExecuteDelete) so the audit interceptor records it.
        if (await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule)
        {
            return false;
        }
        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        DemandRouter.Invalidate();
        return true;
    }

    public async Task<(IReadOnlyList<CalendarDayRow>? Rows, FieldErrors Errors, int Status)> ReplaceYearAsync(int year, IReadOnlyList<CalendarDayRow> days, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        if (!IsAdmin(user))
        {
            return (null, errors, 403);
        }
        if (year is < 2000 or > 2100)
        {
            errors.Add("year", "Between 2000 and 2100.");
        }
        foreach (var (day, i) in days.Select((d, i) => (d, i)))
        {
            if (day.Date.Year != year)
            {
                errors.Add($"days[{i}].date", "{0} is not in {1}.", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year);
            }
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > 50)
            {
                errors.Add($"days[{i}].name", "{0} is required.", l["Name"]);
            }
        }
        if (days.GroupBy(d => d.Date).Any(g => g.Count() > 1))
        {
            errors.Add("days", "A date appears twice.");
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<CalendarDay>().Where(d => d.Date >= first && d.Date <= last).ExecuteDeleteAsync(ct);
        db.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Workday = d.Workday, Name = d.Name.Trim() }));
        if (days.Count == 0)
        {
            // An empty year still replaces the shipped table: keep one marker row (a normal working day named as such).
            db.Add(new CalendarDay { Date = first, Workday = first.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), Name = "—" });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        calendar.Invalidate();
        return ([.. days.OrderBy(d => d.Date)], errors, 200);
    }

    public async Task<(Open311ClientCreated? Row, FieldErrors Errors, int Status)> CreateClientAsync(Open311ClientInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        if (!IsAdmin(user))
        {
            return (null, errors, 403);
        }
        errors.Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name");
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        var key = "jy311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var client = new Open311Client { Name = input.Name!.Trim(), KeyHash = Open311Keys.Hash(key), KeyPrefix = key[..10], CreatedByUserId = user.UserId() ?? 0, CreatedAt = clock.GetUtcNow() };
        db.Add(client);
        await db.SaveChangesAsync(ct);
        return (new Open311ClientCreated(client.Id, client.Name, key), errors, 201);
    }

    public async Task<IReadOnlyList<Open311ClientRow>> ClientsAsync(CancellationToken ct) =>
        await db.Set<Open311Client>().AsNoTracking().OrderBy(c => c.Id).Select(c => new Open311ClientRow(c.Id, c.Name, c.KeyPrefix, c.CreatedAt, c.Revoked)).ToListAsync(ct);

    public async Task<bool> RevokeClientAsync(long id, CancellationToken ct)
    {
        if (await db.Set<Open311Client>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } client)
        {
            return false;
        }
        client.Revoked = true;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>Open311 keys are stored as SHA-256 hashes (they are random, so no salt is needed).</summary>
internal static class Open311Keys
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
