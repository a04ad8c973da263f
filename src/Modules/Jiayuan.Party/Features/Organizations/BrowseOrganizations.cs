using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Features.Organizations;

public sealed record OrgRow(long Id, long? ParentId, string Code, string Name, OrgKind Kind, TwoNewKind? TwoNew, FormationMode FormationMode,
    int Depth, int Members, int FullMembers, DateOnly FoundedOn, DateOnly ElectionDue, IReadOnlyList<RuleFlag> Flags);

public sealed record MemberRow(long Id, string Name, char Gender, MemberStatus Status, DateOnly AdmittedOn, DateOnly ProbationEndsOn, bool ProbationExtended,
    int PartyAge, bool IsTwoNew, string? Phone, string? IdNumber, string? WorkUnit, decimal MonthlyDues);

/// <summary>One organization; <see cref="Units"/> are the units a joint branch covers, by name (empty for other organizations).</summary>
public sealed record OrgDetail(OrgRow Organization, string Path, string PlacePath, IReadOnlyList<OrgRow> Children, IReadOnlyList<MemberRow> Members,
    IReadOnlyList<string> Units);

/// <summary>The organization tree under a place, with rule flags; one organization with its roster (staff in scope only).</summary>
public static class BrowseOrganizations
{
    public static RouteGroupBuilder MapBrowseOrganizations(this RouteGroupBuilder api)
    {
        api.MapGet("/party/organizations", async Task<Results<Ok<List<OrgRow>>, NotFound, ForbidHttpResult>> (string? scope, IPlaceDirectory places,
                OrgQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
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
                return TypedResults.Ok(await queries.TreeAsync(place.Path, ct));
            })
            .RequireAuthorization().WithName("ListPartyOrganizations").WithSummary("Organizations under a place (staff in scope), with member counts and rule flags.");
        api.MapGet("/party/organizations/{id:long}", async Task<Results<Ok<OrgDetail>, NotFound>> (long id, OrgQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
                await queries.DetailAsync(id, user, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .RequireAuthorization().WithName("GetPartyOrganization").WithSummary("An organization with its sub-organizations and roster (names in full, ID and phone masked).");
        return api;
    }
}

internal sealed class OrgQueries(JiayuanDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Jiayuan.Core.SharedResource> l)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(clock);

    public async Task<List<OrgRow>> TreeAsync(string placePath, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(placePath);
        var orgs = await db.Set<PartyOrganization>().AsNoTracking()
            .Where(o => o.PlacePath == placePath || (string.Compare(o.PlacePath, from) >= 0 && string.Compare(o.PlacePath, to) < 0))
            .OrderBy(o => o.Path).ToListAsync(ct);
        return await RowsAsync(orgs, ct);
    }

    /// <summary>Member counts for all the organizations in one grouped query (no N+1).</summary>
    private async Task<List<OrgRow>> RowsAsync(List<PartyOrganization> orgs, CancellationToken ct)
    {
        var ids = orgs.Select(o => o.Id).ToList();
        var counts = await db.Set<PartyMember>().AsNoTracking().Where(m => ids.Contains(m.OrganizationId))
            .GroupBy(m => new { m.OrganizationId, m.Status }).Select(g => new { g.Key.OrganizationId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var minDepth = orgs.Count == 0 ? 0 : orgs.Min(o => o.Path.Count(c => c == '/'));
        return [.. orgs.Select(o =>
        {
            var all = counts.Where(c => c.OrganizationId == o.Id).Sum(c => c.Count);
            var full = counts.Where(c => c.OrganizationId == o.Id && c.Status == MemberStatus.Full).Sum(c => c.Count);
            return new OrgRow(o.Id, o.ParentId, o.Code, o.Name, o.Kind, o.TwoNew, o.FormationMode, o.Path.Count(c => c == '/') - minDepth, all, full,
                o.FoundedOn, o.ElectionDue, [.. OrgRules.Check(o, full, all, Today).Select(f => f with { Message = l[f.Message, f.Args], Args = [] })]);
        })];
    }

    public async Task<OrgDetail?> DetailAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return null;
        }
        var children = await db.Set<PartyOrganization>().AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Code).ToListAsync(ct);
        var rows = await RowsAsync([org, .. children], ct);
        var today = Today;
        var members = await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == id).OrderBy(m => m.Id).ToListAsync(ct);
        // Only a joint branch lists units (no query for the others).
        List<string> units = org.Kind == OrgKind.JointBranch
            ? await db.Set<JointUnit>().AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.Position).ThenBy(u => u.Id).Select(u => u.Name).ToListAsync(ct)
            : [];
        return new OrgDetail(rows[0], org.Path, org.PlacePath, rows[1..], [.. members.Select(m => new MemberRow(m.Id, m.RealName, m.Gender, m.Status,
            m.AdmittedOn, m.ProbationEndsOn, m.ProbationExtended, m.PartyAge(today), m.IsTwoNew, m.PhoneMasked, m.IdNumberMasked, m.WorkUnit,
            Domain.Dues.Monthly(m.DuesBase, m.DuesCategory)))], units);
    }
}
