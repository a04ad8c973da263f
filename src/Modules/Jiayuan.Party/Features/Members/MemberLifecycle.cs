using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Members;

public sealed record ExtendRequest(int? Months);

public sealed record CancelRequest(DateOnly? DecidedOn, string? Reason);

public sealed record MemberState(long Id, MemberStatus Status, DateOnly ProbationEndsOn, bool ProbationExtended, DateOnly? FullSince);

/// <summary>Probation: convert to full membership after it ends, extend it once by 6–12 months, or cancel it (branch secretary in scope).</summary>
public static class MemberLifecycle
{
    public static RouteGroupBuilder MapMemberLifecycle(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/convert", (long id, MemberLifecycleHandler h, ClaimsPrincipal user, CancellationToken ct) => h.ConvertAsync(id, user, ct))
            .RequireAuthorization().WithName("ConvertMember").WithSummary("Convert a probationary member to full membership (after probation ends).");
        api.MapPost("/party/members/{id:long}/extend", (long id, ExtendRequest request, MemberLifecycleHandler h, ClaimsPrincipal user, CancellationToken ct) =>
                h.ExtendAsync(id, request, user, ct))
            .RequireAuthorization().WithName("ExtendProbation").WithSummary("Extend probation once by 6 to 12 months.");
        api.MapPost("/party/members/{id:long}/cancel", (long id, CancelRequest request, MemberLifecycleHandler h, ClaimsPrincipal user, CancellationToken ct) =>
                h.CancelAsync(id, request, user, ct))
            .RequireAuthorization().WithName("CancelProbationaryMembership")
            .WithSummary("Cancel a probationary membership (取消预备党员资格) as the branch meeting decided: the decision date and a reason are required; the person stops counting as a member.");
        return api;
    }
}

internal sealed class MemberLifecycleHandler(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>Conversion after probation ends (the API and the member page).</summary>
    public Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> ConvertAsync(long id, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (m, today) => m.Convert(today) is { } error ? (error, [m.ProbationEndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]) : null, ct);

    /// <summary>The one extension of probation by 6–12 months (the API and the member page).</summary>
    public Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> ExtendAsync(long id, ExtendRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        RunAsync(id, user, (m, _) => m.Extend(request.Months ?? 0) is { } error ? (error, []) : null, ct);

    /// <summary>
    /// 取消预备党员资格: the branch meeting's decision date and a reason; the member row stays with status Cancelled (hidden by the query
    /// filter everywhere else) and the cancellation is recorded; the organization's member counter is refreshed.
    /// </summary>
    public async Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> CancelAsync(long id, CancelRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        long organizationId = 0;
        var pendingTransfer = await db.Set<Transfer>().AnyAsync(t => t.MemberId == id && t.Status == TransferStatus.Pending, ct);
        var result = await RunFieldAsync(id, user, (m, today) =>
        {
            if (request.DecidedOn is null)
            {
                return ("decidedOn", "Enter the date of the branch meeting's decision.", []);
            }
            if (string.IsNullOrEmpty(reason))
            {
                return ("reason", "Enter the reason for the cancellation.", []);
            }
            if (reason.Length > 500)
            {
                return ("reason", "The reason is at most 500 characters.", []);
            }
            if (pendingTransfer)
            {
                return ("status", "A transfer letter is pending for this member; settle the transfer first.", []);
            }
            if (m.Cancel(request.DecidedOn.Value, today) is { } error)
            {
                return (error.StartsWith("The decision", StringComparison.Ordinal) ? "decidedOn" : "status", error,
                    [m.AdmittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
            }
            organizationId = m.OrganizationId;
            db.Add(new MemberCancellation
            {
                MemberId = m.Id, OrganizationId = m.OrganizationId, DecidedOn = request.DecidedOn.Value, Reason = reason,
                RecordedByUserId = user.UserId(), RecordedByName = user.Identity?.Name, RecordedAt = clock.GetUtcNow(),
            });
            return null;
        }, ct);
        if (organizationId != 0)
        {
            await Data.OrgCounters.RefreshAsync(db, [organizationId], ct);
        }
        return result;
    }

    public Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> RunAsync(
        long id, ClaimsPrincipal user, Func<PartyMember, DateOnly, (string Key, object[] Args)?> change, CancellationToken ct) =>
        RunFieldAsync(id, user, (m, today) => change(m, today) is { } r ? ("status", r.Key, r.Args) : null, ct);

    private async Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> RunFieldAsync(
        long id, ClaimsPrincipal user, Func<PartyMember, DateOnly, (string Field, string Key, object[] Args)?> change, CancellationToken ct)
    {
        // Past the filter: a cancelled member's page still posts here and gets the rule's message, not a 404.
        var member = await db.Set<PartyMember>().IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        if (change(member, Jiayuan.Core.Text.Dates.Today(clock)) is { } refusal)
        {
            return new FieldErrors(l).Add(refusal.Field, refusal.Key, refusal.Args).ToProblem();
        }
        member.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MemberState(member.Id, member.Status, member.ProbationEndsOn, member.ProbationExtended, member.FullSince));
    }
}
