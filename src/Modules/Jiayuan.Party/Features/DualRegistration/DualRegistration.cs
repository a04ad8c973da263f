using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
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

namespace Jiayuan.Party.Features.DualRegistration;

public sealed record ReportRequest(long? CommunityId, long? OrganizationId, long? MemberId);

public sealed record EvaluationRequest(EvaluationGrade? Grade, string? Note);

public sealed record ReportRow(long Id, string Name, long? OrganizationId, long? MemberId, int Year, DateOnly ReportedOn, EvaluationGrade? Evaluation);

/// <summary>Who has reported to a community this year, and the serving members living there who have not.</summary>
public sealed record DualRegistrationView(string Community, int Year, IReadOnlyList<ReportRow> Organizations, IReadOnlyList<ReportRow> Members, IReadOnlyList<ReportRow> NotReported);

public sealed record PostRequest(long? CommunityId, string? Title, string? Description, int? Slots);

public sealed record PostRow(long Id, string Title, string? Description, int Slots, int Claimed);

public sealed record ClaimRequest(long? MemberId);

/// <summary>双报到: units' organizations and serving members report to communities, claim posts from the needs list, and are evaluated yearly.</summary>
public static class DualRegistrationEndpoints
{
    public static RouteGroupBuilder MapDualRegistration(this RouteGroupBuilder api)
    {
        api.MapPost("/party/dual-registration", (ReportRequest request, DualRegistrationService s, ClaimsPrincipal user, CancellationToken ct) => s.ReportAsync(request, user, ct))
            .RequireAuthorization().WithName("DualReport").WithSummary("Record that a unit's organization (organizationId) or a serving member (memberId) reported to a community this year.");
        api.MapGet("/party/dual-registration", async Task<Results<Ok<DualRegistrationView>, NotFound, ForbidHttpResult>> (string? scope, IPlaceDirectory places, DualRegistrationService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var community = scope is null ? null : await places.FindByCodeAsync(scope.Trim(), ct);
                if (community is null || community.Kind != PlaceKind.Community)
                {
                    return TypedResults.NotFound();
                }
                return user.Covers(community.Path, PartyAccess.Readers) ? TypedResults.Ok(await s.ViewAsync(community, ct)) : TypedResults.Forbid();
            })
            .RequireAuthorization().WithName("DualRegistrationStatus").WithSummary("This year's reports to a community and the serving members living there who have not reported.");
        api.MapPost("/party/dual-registration/{id:long}/evaluation", (long id, EvaluationRequest request, DualRegistrationService s, ClaimsPrincipal user, CancellationToken ct) => s.EvaluateAsync(id, request, user, ct))
            .RequireAuthorization().WithName("EvaluateDualReport").WithSummary("The community's yearly evaluation of a registered member.");
        api.MapPost("/party/service-posts", (PostRequest request, DualRegistrationService s, ClaimsPrincipal user, CancellationToken ct) => s.CreatePostAsync(request, user, ct))
            .RequireAuthorization().WithName("CreateServicePost").WithSummary("Add a post to a community's needs list.");
        api.MapGet("/party/service-posts", async (string? scope, IPlaceDirectory places, DualRegistrationService s, CancellationToken ct) =>
                scope is not null && await places.FindByCodeAsync(scope.Trim(), ct) is { } community ? Results.Ok(await s.PostsAsync(community.Path, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListServicePosts").WithSummary("A community's needs list with free slots.");
        api.MapPost("/party/service-posts/{id:long}/claims", (long id, ClaimRequest request, DualRegistrationService s, ClaimsPrincipal user, CancellationToken ct) => s.ClaimAsync(id, request, user, ct))
            .RequireAuthorization().WithName("ClaimServicePost").WithSummary("A member who reported to the community claims a post (while slots remain).");
        return api;
    }
}

internal sealed class DualRegistrationService(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly Role[] CommunityStaff = [Role.CommunityWorker, Role.SubdistrictAdmin];

    private DateOnly Today => Dates.Today(clock);

    public async Task<Results<Created<ReportRow>, ValidationProblem, NotFound, ForbidHttpResult>> ReportAsync(ReportRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var community = r.CommunityId is { } cid ? await places.FindAsync(cid, ct) : null;
        if (community is null || community.Kind != PlaceKind.Community)
        {
            errors.Add("communityId", "Choose the community reported to.");
        }
        if ((r.OrganizationId is null) == (r.MemberId is null))
        {
            errors.Add("memberId", "Give either the organization or the member that reports.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        string name;
        string ownPath;
        if (r.OrganizationId is { } orgId)
        {
            var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null)
            {
                return TypedResults.NotFound();
            }
            (name, ownPath) = (org.Name, org.PlacePath);
        }
        else
        {
            var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == r.MemberId, ct);
            if (member is null)
            {
                return TypedResults.NotFound();
            }
            (name, ownPath) = (member.RealName, member.PlacePath);
        }
        // The reporting side's secretary, or the receiving community's staff, records it.
        if (!user.Covers(ownPath, PartyAccess.Managers) && !user.Covers(community!.Path, CommunityStaff))
        {
            return TypedResults.Forbid();
        }
        var year = Today.Year;
        if (await db.Set<DualReport>().AnyAsync(d => d.CommunityId == community!.Id && d.Year == year && (r.OrganizationId != null ? d.OrganizationId == r.OrganizationId : d.MemberId == r.MemberId), ct))
        {
            return new FieldErrors(l).Add("memberId", "Already reported to {0} this year.", community!.Name).ToProblem();
        }
        var report = new DualReport
        {
            OrganizationId = r.OrganizationId, MemberId = r.MemberId, Name = name, CommunityId = community!.Id, CommunityPath = community.Path,
            Year = year, ReportedOn = Today, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/party/dual-registration?scope={community.Code}", ToRow(report));
    }

    private static ReportRow ToRow(DualReport d) => new(d.Id, d.Name, d.OrganizationId, d.MemberId, d.Year, d.ReportedOn, d.Evaluation);

    public async Task<DualRegistrationView> ViewAsync(PlaceSummary community, CancellationToken ct)
    {
        var year = Today.Year;
        var reports = await db.Set<DualReport>().AsNoTracking().Where(d => d.CommunityId == community.Id && d.Year == year).OrderBy(d => d.Id).ToListAsync(ct);
        var households = (await places.DescendantsAsync(community.Path, PlaceKind.Household, ct)).Select(h => h.Id).ToList();
        var reportedMembers = reports.Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).ToHashSet();
        // Serving members: they live here (household in the community) but belong to an organization elsewhere.
        var (from, to) = TreePath.Descendants(community.Path);
        var residents = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.HouseholdPlaceId != null && households.Contains(m.HouseholdPlaceId.Value)
                && !(m.PlacePath == community.Path || (string.Compare(m.PlacePath, from) >= 0 && string.Compare(m.PlacePath, to) < 0)))
            .Select(m => new { m.Id, m.RealName }).ToListAsync(ct);
        return new DualRegistrationView(community.Name, year,
            [.. reports.Where(r => r.OrganizationId != null).Select(ToRow)],
            [.. reports.Where(r => r.MemberId != null).Select(ToRow)],
            [.. residents.Where(m => !reportedMembers.Contains(m.Id)).Select(m => new ReportRow(0, m.RealName, null, m.Id, year, default, null))]);
    }

    public async Task<Results<Ok<ReportRow>, ValidationProblem, NotFound, ForbidHttpResult>> EvaluateAsync(long id, EvaluationRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await db.Set<DualReport>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (report is null || !user.Covers(report.CommunityPath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(report.CommunityPath, CommunityStaff))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).MaxLength("note", r.Note, 300, "Note");
        if (r.Grade is not { } grade || !Enum.IsDefined(grade))
        {
            errors.Add("grade", "Choose a grade.");
        }
        if (report.MemberId is null)
        {
            errors.Add("grade", "Only members are evaluated; organizations are not.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        report.Evaluation = r.Grade;
        report.EvaluationNote = r.Note?.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToRow(report));
    }

    public async Task<Results<Created<PostRow>, ValidationProblem, ForbidHttpResult>> CreatePostAsync(PostRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l).Required("title", r.Title, "Title").MaxLength("title", r.Title, 100, "Title").MaxLength("description", r.Description, 1000, "Description");
        var community = r.CommunityId is { } cid ? await places.FindAsync(cid, ct) : null;
        if (community is null || community.Kind != PlaceKind.Community)
        {
            errors.Add("communityId", "Choose the community reported to.");
        }
        else if (!user.Covers(community.Path, CommunityStaff))
        {
            return TypedResults.Forbid();
        }
        if (r.Slots is not (>= 1 and <= 1000))
        {
            errors.Add("slots", "A post has 1 to 1000 places.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var post = new ServicePost { CommunityId = community!.Id, CommunityPath = community.Path, Title = r.Title!.Trim(), Description = r.Description?.Trim(), Slots = r.Slots!.Value, CreatedAt = clock.GetUtcNow() };
        db.Add(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/party/service-posts?scope={community.Code}", new PostRow(post.Id, post.Title, post.Description, post.Slots, 0));
    }

    public async Task<List<PostRow>> PostsAsync(string communityPath, CancellationToken ct) =>
        await db.Set<ServicePost>().AsNoTracking().Where(p => p.CommunityPath == communityPath).OrderBy(p => p.Id)
            .Select(p => new PostRow(p.Id, p.Title, p.Description, p.Slots, p.Claimed)).ToListAsync(ct);

    public async Task<Results<Ok<PostRow>, ValidationProblem, NotFound, ForbidHttpResult>> ClaimAsync(long postId, ClaimRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        var post = await db.Set<ServicePost>().FirstOrDefaultAsync(p => p.Id == postId, ct);
        var member = r.MemberId is { } mid ? await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
        if (post is null || member is null)
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers) && !user.Covers(post.CommunityPath, CommunityStaff))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l);
        var year = Today.Year;
        if (!await db.Set<DualReport>().AnyAsync(d => d.MemberId == member.Id && d.CommunityId == post.CommunityId && d.Year == year, ct))
        {
            errors.Add("memberId", "The member must first report to this community (双报到) this year.");
        }
        else if (post.Claimed >= post.Slots)
        {
            errors.Add("memberId", "All places of this post are taken.");
        }
        else if (await db.Set<PostClaim>().AnyAsync(c => c.PostId == postId && c.MemberId == member.Id, ct))
        {
            errors.Add("memberId", "The member already claimed this post.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        post.Claimed++;
        db.Add(new PostClaim { PostId = postId, MemberId = member.Id, ClaimedOn = Today });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FieldErrors(l).Add("memberId", "All places of this post are taken.").ToProblem();
        }
        return TypedResults.Ok(new PostRow(post.Id, post.Title, post.Description, post.Slots, post.Claimed));
    }
}
