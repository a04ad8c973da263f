using Jiayuan.Core.Data;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Features.Stats;

/// <summary>Organizations of one kind under a place (party groups are not organizations and are left out).</summary>
public sealed record KindCount(OrgKind Kind, int Count);

/// <summary>Organizations founded in a year under a place, and how many existed at its end (应建尽建 over time).</summary>
public sealed record FoundedYear(int Year, int Founded, int Total);

/// <summary>The figures behind the statistics page's charts: organizations by kind, members by status and by two-new, foundings per year.</summary>
public sealed record StatsBreakdown(string Scope, string ScopeName, int Year, IReadOnlyList<KindCount> OrganizationsByKind,
    int FullMembers, int ProbationaryMembers, int TwoNewMembers, int OtherMembers, IReadOnlyList<FoundedYear> FoundedByYear);

public static class StatsBreakdownEndpoint
{
    public static RouteGroupBuilder MapStatsBreakdown(this RouteGroupBuilder api)
    {
        api.MapGet("/party/stats/breakdown", async Task<Results<Ok<StatsBreakdown>, NotFound, ValidationProblem>> (string? scope, int? year, StatsBreakdownQuery query,
                IPlaceDirectory places, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Jiayuan.Core.SharedResource> l, CancellationToken ct) =>
            {
                if (PartyStatisticsEndpoint.YearError(year, l) is { } problem)
                {
                    return problem;
                }
                var code = string.IsNullOrWhiteSpace(scope) ? (await places.RootAsync(ct)).Code : scope.Trim();
                return await query.ForPlaceAsync(code, year ?? Jiayuan.Core.Text.Dates.Today(clock).Year, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
            })
            .AllowAnonymous().WithName("PartyStatsBreakdown")
            .WithSummary("Organizations by kind, members by status (full/probationary) and two-new, and organizations founded per year up to the year, under a place.");
        return api;
    }
}

/// <summary>
/// Aggregates only (no names): public like the statistics. One grouped query over the subtree's organizations and one count of
/// its probationary members, cached like the statistics
/// (5 min, dropped with them whenever organizations or members are added, moved or re-classified).
/// </summary>
internal sealed class StatsBreakdownQuery(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
{
    public Task<StatsBreakdown?> ForPlaceAsync(string placeCode, int year, CancellationToken ct) =>
        PartyStatistics.Signal.GetOrLoadAsync(cache, $"party-breakdown:{placeCode}:{year}", TimeSpan.FromMinutes(5), () => ComputeAsync(placeCode, year, ct));

    private async Task<StatsBreakdown?> ComputeAsync(string placeCode, int year, CancellationToken ct)
    {
        var place = await places.FindByCodeAsync(placeCode, ct);
        if (place is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = TreePath.Descendants(place.Path);
        var path = place.Path;
        // One grouped scan over the subtree's organizations, by founding date (few distinct values; years are taken here so no
        // provider needs a date-part translation); member totals come from the maintained counters, as in the statistics.
        var orgs = await db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => o.PlacePath == path || (string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0))
            .GroupBy(o => new { o.Kind, o.FoundedOn, TwoNew = o.TwoNew != null })
            .Select(g => new { g.Key.Kind, g.Key.FoundedOn, g.Key.TwoNew, Count = g.Count(), Members = g.Sum(o => o.MemberCount) })
            .ToListAsync(ct);
        // Probationary members are few: counted through the (Status, PlacePath) index instead of scanning every member.
        var probationary = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.Status == MemberStatus.Probationary && (m.PlacePath == path || (string.Compare(m.PlacePath, from) >= 0 && string.Compare(m.PlacePath, to) < 0)))
            .CountAsync(ct);
        var allMembers = orgs.Sum(o => o.Members);
        var twoNewMembers = orgs.Where(o => o.TwoNew).Sum(o => o.Members);
        orgs = [.. orgs.Where(o => o.Kind != OrgKind.PartyGroup)];
        var byKind = Enum.GetValues<OrgKind>().Where(k => k != OrgKind.PartyGroup)
            .Select(k => new KindCount(k, orgs.Where(o => o.Kind == k).Sum(o => o.Count))).Where(k => k.Count > 0).ToList();
        var existing = orgs.Where(o => o.FoundedOn.Year <= year).ToList();
        var founded = new List<FoundedYear>();
        if (existing.Count > 0)
        {
            var total = 0;
            for (var y = existing.Min(o => o.FoundedOn.Year); y <= year; y++)
            {
                var n = existing.Where(o => o.FoundedOn.Year == y).Sum(o => o.Count);
                total += n;
                founded.Add(new FoundedYear(y, n, total));
            }
        }
        return new StatsBreakdown(place.Code, place.Name, year, byKind,
            FullMembers: allMembers - probationary,
            ProbationaryMembers: probationary,
            TwoNewMembers: twoNewMembers,
            OtherMembers: allMembers - twoNewMembers,
            FoundedByYear: founded);
    }
}
