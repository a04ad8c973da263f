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

/// <summary>Statistics of any node of the place tree, from the organization records and their maintained member counters; cached until they change.</summary>
public static class PartyStatisticsEndpoint
{
    public static RouteGroupBuilder MapPartyStats(this RouteGroupBuilder api)
    {
        api.MapGet("/party/stats", async Task<Results<Ok<PartyStats>, NotFound, ValidationProblem>> (string? scope, int? year, IPartyStatistics stats, IPlaceDirectory places,
                TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Jiayuan.Core.SharedResource> l, CancellationToken ct) =>
            {
                if (YearError(year, l) is { } problem)
                {
                    return problem;
                }
                var code = string.IsNullOrWhiteSpace(scope) ? (await places.RootAsync(ct)).Code : scope.Trim();
                return await stats.ForPlaceAsync(code, year ?? Jiayuan.Core.Text.Dates.Today(clock).Year, ct) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
            })
            .AllowAnonymous().WithName("PartyStats")
            .WithSummary("Organizations, two-new organizations, members, two-new members, courtyard branches, party groups and the year's new organizations under a place.");
        return api;
    }

    /// <summary>Years the statistics answer for (the Party's founding to 2100): anything else is a field error, not a new cache entry.</summary>
    internal static ValidationProblem? YearError(int? year, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        year is null or (>= 1921 and <= 2100) ? null : new Jiayuan.Core.Http.FieldErrors(l).Add("year", "The year must be between 1921 and 2100.").ToProblem();
}

internal sealed class PartyStatistics(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : IPartyStatistics
{
    /// <summary>Dropped whenever organizations or member counts change; between changes a dashboard reads the cached figures.</summary>
    public static readonly Jiayuan.Core.Caching.CacheSignal Signal = new("party:stats");

    public Task<PartyStats?> ForPlaceAsync(string placeCode, int year, CancellationToken cancellationToken = default) =>
        Signal.GetOrLoadAsync(cache, $"party-stats:{placeCode}:{year}", TimeSpan.FromMinutes(5), () => ComputeAsync(placeCode, year, cancellationToken));

    private async Task<PartyStats?> ComputeAsync(string placeCode, int year, CancellationToken cancellationToken)
    {
        var place = await places.FindByCodeAsync(placeCode, cancellationToken);
        if (place is null)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (from, to) = TreePath.Descendants(place.Path);
        var path = place.Path;
        var orgs = db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => o.PlacePath == path || (string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0));
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year + 1, 1, 1);
        // One grouped scan over the organizations of the subtree; member figures come from their maintained counters.
        var byKind = await orgs.GroupBy(o => new { o.Kind, o.TwoNew, Courtyard = o.PlaceKind == "Courtyard", New = o.FoundedOn >= start && o.FoundedOn < end })
            .Select(g => new { g.Key.Kind, g.Key.TwoNew, g.Key.Courtyard, g.Key.New, Count = g.Count(), Members = g.Sum(o => o.MemberCount) })
            .ToListAsync(cancellationToken);
        var counted = byKind.Where(x => x.Kind != OrgKind.PartyGroup).ToList();
        var fresh = counted.Where(x => x.New).ToList();
        var freshNpe = fresh.Where(x => x.TwoNew == TwoNewKind.NonPublicEnterprise).Sum(x => x.Count);
        var freshSo = fresh.Where(x => x.TwoNew == TwoNewKind.SocialOrganization).Sum(x => x.Count);
        var freshCourtyard = fresh.Where(x => x.Kind == OrgKind.Branch && x.Courtyard).Sum(x => x.Count);
        return new PartyStats(
            place.Code, place.Name, year,
            Organizations: counted.Sum(x => x.Count),
            TwoNewOrganizations: counted.Where(x => x.TwoNew != null).Sum(x => x.Count),
            Members: byKind.Sum(x => x.Members),
            TwoNewMembers: byKind.Where(x => x.TwoNew != null).Sum(x => x.Members),
            CourtyardBranches: counted.Where(x => x.Kind == OrgKind.Branch && x.Courtyard).Sum(x => x.Count),
            PartyGroups: byKind.Where(x => x.Kind == OrgKind.PartyGroup).Sum(x => x.Count),
            NewOrganizations: new NewOrganizations(fresh.Sum(x => x.Count), freshNpe, freshSo, freshCourtyard));
    }
}
