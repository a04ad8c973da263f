using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Points;

public sealed record PointRuleRow(long Id, string Item, int Points, int YearlyCap, bool Active);

public sealed record PointRuleInput(string? Item, int? Points, int? YearlyCap, bool Active = true);

public sealed record AwardRequest(long? RuleId, string? Note);

public sealed record AwardResult(long MemberId, string Item, int Requested, int Given, int YearTotal);

public sealed record StudyRequest(decimal? Hours, string? Topic, DateOnly? StudiedOn);

/// <summary>A member's year: points, study hours against the requirement.</summary>
public sealed record MemberYear(long MemberId, string Name, bool CommitteeMember, int Points, decimal StudyHours, decimal RequiredHours, bool StudyMet);

/// <summary>积分 with a configurable rule table (yearly caps) and 学时 against 32 h (56 h for secretaries and committee members).</summary>
public static class PointsEndpoints
{
    public static RouteGroupBuilder MapPointsAndStudy(this RouteGroupBuilder api)
    {
        api.MapGet("/party/point-rules", (PointsService s, CancellationToken ct) => s.RulesAsync(ct))
            .RequireAuthorization().WithName("ListPointRules").WithSummary("The points table: item, points (negative = deduction), yearly cap.");
        api.MapPost("/party/point-rules", (PointRuleInput input, PointsService s, ClaimsPrincipal user, CancellationToken ct) => s.SaveRuleAsync(null, input, user, ct))
            .RequireAuthorization().WithName("CreatePointRule").WithSummary("Add an item to the points table (subdistrict administrators).");
        api.MapPut("/party/point-rules/{id:long}", (long id, PointRuleInput input, PointsService s, ClaimsPrincipal user, CancellationToken ct) => s.SaveRuleAsync(id, input, user, ct))
            .RequireAuthorization().WithName("UpdatePointRule").WithSummary("Change an item of the points table (subdistrict administrators).");
        api.MapPost("/party/members/{id:long}/points", (long id, AwardRequest request, PointsService s, ClaimsPrincipal user, CancellationToken ct) => s.AwardAsync(id, request, user, ct))
            .RequireAuthorization().WithName("AwardPoints").WithSummary("Give (or deduct) points under an item; the item's yearly cap applies.");
        api.MapPost("/party/members/{id:long}/study-hours", (long id, StudyRequest request, PointsService s, ClaimsPrincipal user, CancellationToken ct) => s.StudyAsync(id, request, user, ct))
            .RequireAuthorization().WithName("RecordStudyHours").WithSummary("Record hours of study (0.5–24 a record, this year).");
        api.MapGet("/party/organizations/{id:long}/points", (long id, int? year, PointsService s, ClaimsPrincipal user, CancellationToken ct) => s.OrganizationYearAsync(id, year, user, ct))
            .RequireAuthorization().WithName("OrganizationPoints").WithSummary("Each member's points and study hours in a year, against 32 h (56 h for committee members).");
        return api;
    }
}

internal sealed class PointsService(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<List<PointRuleRow>> RulesAsync(CancellationToken ct) =>
        await db.Set<PointRule>().AsNoTracking().OrderBy(r => r.Id).Select(r => new PointRuleRow(r.Id, r.Item, r.Points, r.YearlyCap, r.Active)).ToListAsync(ct);

    public async Task<Results<Ok<PointRuleRow>, ValidationProblem, NotFound, ForbidHttpResult>> SaveRuleAsync(long? id, PointRuleInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.HasAnyRole(Role.SubdistrictAdmin))
        {
            return TypedResults.Forbid();
        }
        var rule = id is { } rid ? await db.Set<PointRule>().FirstOrDefaultAsync(r => r.Id == rid, ct) : null;
        if (id is not null && rule is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l).Required("item", input.Item, "Item").MaxLength("item", input.Item, 60, "Item");
        if (input.Points is not ({ } p and >= -100 and <= 100) || p == 0)
        {
            errors.Add("points", "Points are a whole number from -100 to 100, not 0.");
        }
        if (input.YearlyCap is not (>= 1 and <= 1000))
        {
            errors.Add("yearlyCap", "The yearly cap is 1 to 1000.");
        }
        if (!errors.Any && await db.Set<PointRule>().AnyAsync(r => r.Item == input.Item!.Trim() && r.Id != (id ?? 0), ct))
        {
            errors.Add("item", "This item is already in the table.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        rule ??= db.Add(new PointRule { Item = "" }).Entity;
        rule.Item = input.Item!.Trim();
        rule.Points = input.Points!.Value;
        rule.YearlyCap = input.YearlyCap!.Value;
        rule.Active = input.Active;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PointRuleRow(rule.Id, rule.Item, rule.Points, rule.YearlyCap, rule.Active));
    }

    private async Task<(PartyMember? Member, int Status)> MemberForManagerAsync(long memberId, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return (null, StatusCodes.Status404NotFound);
        }
        return user.Covers(member.PlacePath, PartyAccess.Managers) ? (member, 200) : (null, StatusCodes.Status403Forbidden);
    }

    public async Task<Results<Ok<AwardResult>, ValidationProblem, NotFound, ForbidHttpResult>> AwardAsync(long memberId, AwardRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (member, status) = await MemberForManagerAsync(memberId, user, ct);
        if (member is null)
        {
            return status == StatusCodes.Status403Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        var errors = new FieldErrors(l).MaxLength("note", request.Note, 200, "Note");
        var rule = request.RuleId is { } rid ? await db.Set<PointRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rid && r.Active, ct) : null;
        if (rule is null)
        {
            errors.Add("ruleId", "Choose an item of the points table.");
            return errors.ToProblem();
        }
        var today = Dates.Today(clock);
        var soFar = await db.Set<PointAward>().Where(a => a.MemberId == memberId && a.RuleId == rule.Id && a.Year == today.Year).SumAsync(a => a.Points, ct);
        var given = StudyRules.Capped(rule.Points, rule.YearlyCap, soFar);
        if (given == 0)
        {
            errors.Add("ruleId", "The yearly cap of {0} for “{1}” is reached.", rule.YearlyCap, rule.Item);
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        db.Add(new PointAward { MemberId = memberId, RuleId = rule.Id, Year = today.Year, Points = given, Note = request.Note?.Trim(), AwardedOn = today });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AwardResult(memberId, rule.Item, rule.Points, given, soFar + given));
    }

    public async Task<Results<Created<MemberYear>, ValidationProblem, NotFound, ForbidHttpResult>> StudyAsync(long memberId, StudyRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (member, status) = await MemberForManagerAsync(memberId, user, ct);
        if (member is null)
        {
            return status == StatusCodes.Status403Forbidden ? TypedResults.Forbid() : TypedResults.NotFound();
        }
        var today = Dates.Today(clock);
        var errors = new FieldErrors(l).Required("topic", request.Topic, "Topic").MaxLength("topic", request.Topic, 200, "Topic");
        if (request.Hours is not (>= 0.5m and <= 24m))
        {
            errors.Add("hours", "A study record is 0.5 to 24 hours.");
        }
        var on = request.StudiedOn ?? today;
        if (on > today || on.Year != today.Year)
        {
            errors.Add("studiedOn", "Study hours are recorded for days of this year, up to today.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        db.Add(new StudyRecord { MemberId = memberId, Year = on.Year, Hours = request.Hours!.Value, Topic = request.Topic!.Trim(), StudiedOn = on });
        await db.SaveChangesAsync(ct);
        var rows = await YearAsync([member], on.Year, ct);
        return TypedResults.Created($"/api/v1/party/organizations/{member.OrganizationId}/points", rows[0]);
    }

    public async Task<Results<Ok<List<MemberYear>>, NotFound>> OrganizationYearAsync(long orgId, int? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        var members = await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == orgId).OrderBy(m => m.Id).ToListAsync(ct);
        return TypedResults.Ok(await YearAsync(members, year ?? Dates.Today(clock).Year, ct));
    }

    /// <summary>Points and hours for many members in two grouped queries (sums of decimals done in memory: SQLite cannot sum them).</summary>
    private async Task<List<MemberYear>> YearAsync(List<PartyMember> members, int year, CancellationToken ct)
    {
        var ids = members.Select(m => m.Id).ToList();
        var points = await db.Set<PointAward>().AsNoTracking().Where(a => ids.Contains(a.MemberId) && a.Year == year)
            .GroupBy(a => a.MemberId).Select(g => new { g.Key, Total = g.Sum(a => a.Points) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var hours = (await db.Set<StudyRecord>().AsNoTracking().Where(s => ids.Contains(s.MemberId) && s.Year == year)
            .Select(s => new { s.MemberId, s.Hours }).ToListAsync(ct)).GroupBy(s => s.MemberId).ToDictionary(g => g.Key, g => g.Sum(s => s.Hours));
        return [.. members.Select(m =>
        {
            var required = StudyRules.Required(m.IsCommitteeMember);
            var done = hours.GetValueOrDefault(m.Id);
            return new MemberYear(m.Id, m.RealName, m.IsCommitteeMember, points.GetValueOrDefault(m.Id), done, required, done >= required);
        })];
    }
}
