using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Features.Coverage;

public sealed record CoveredPlace(long PlaceId, string Name, PlaceKind Kind, string Organization, FormationMode Mode);

public sealed record CoverageReport(string Scope, int Places, int Covered, IReadOnlyList<CoveredPlace> CoveredPlaces, IReadOnlyList<PlaceSummary> Gaps,
    IReadOnlyList<CoverageYear> Progress);

/// <summary>应建尽建 over time: places (of today's list) that had their own organization by the end of each year.</summary>
public sealed record CoverageYear(int Year, int Covered, int Places, decimal Percent);

/// <summary>全覆盖: which courtyards, office buildings, parks and units under a place have their own organization, and which do not.</summary>
public static class CoverageEndpoint
{
    public static RouteGroupBuilder MapCoverage(this RouteGroupBuilder api)
    {
        api.MapGet("/party/coverage", async Task<Results<Ok<CoverageReport>, NotFound, ForbidHttpResult>> (string? scope, IPlaceDirectory places,
                JiayuanDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                if (!user.Covers(place.Path, PartyAccess.Readers))
                {
                    return TypedResults.Forbid();
                }
                return TypedResults.Ok(await CoverageQueries.ReportAsync(place, places, db, Jiayuan.Core.Text.Dates.Today(clock).Year, ct));
            })
            .RequireAuthorization().WithName("PartyCoverage").WithSummary("Places under a node with and without their own Party organization (coverage gaps).");
        return api;
    }
}

/// <summary>The coverage report of a place (shared by the API and the statistics page's 应建尽建 chart); callers check access.</summary>
internal static class CoverageQueries
{
    private static readonly PlaceKind[] Kinds = [PlaceKind.Courtyard, PlaceKind.OfficeBuilding, PlaceKind.Park, PlaceKind.Unit];

    public static async Task<CoverageReport> ReportAsync(PlaceSummary place, IPlaceDirectory places, JiayuanDbContext db, int thisYear, CancellationToken ct)
    {
        var candidates = new List<PlaceSummary>();
        foreach (var kind in Kinds)
        {
            candidates.AddRange(await places.DescendantsAsync(place.Path, kind, ct));
        }
        var (from, to) = TreePath.Descendants(place.Path);
        var orgs = await db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => o.Kind != OrgKind.PartyGroup && string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0)
            .Select(o => new { o.PlacePath, o.Name, o.FormationMode, o.FoundedOn }).ToListAsync(ct);
        var byPath = orgs.GroupBy(o => o.PlacePath).ToDictionary(g => g.Key, g => g.First());
        var covered = candidates.Where(c => byPath.ContainsKey(c.Path))
            .Select(c => new CoveredPlace(c.Id, c.Name, c.Kind, byPath[c.Path].Name, byPath[c.Path].FormationMode)).ToList();
        var gaps = candidates.Where(c => !byPath.ContainsKey(c.Path)).ToList();
        // The year each candidate place got its first organization.
        var paths = candidates.Select(c => c.Path).ToHashSet();
        var firstYear = orgs.Where(o => paths.Contains(o.PlacePath)).GroupBy(o => o.PlacePath).Select(g => g.Min(o => o.FoundedOn.Year)).ToList();
        var progress = firstYear.Count == 0 ? [] : Enumerable.Range(firstYear.Min(), thisYear - firstYear.Min() + 1)
            .Select(y => new CoverageYear(y, firstYear.Count(f => f <= y), candidates.Count,
                candidates.Count == 0 ? 0 : Math.Round(100m * firstYear.Count(f => f <= y) / candidates.Count, 1)))
            .ToList();
        return new CoverageReport(place.Code, candidates.Count, covered.Count, covered, gaps, progress);
    }
}
