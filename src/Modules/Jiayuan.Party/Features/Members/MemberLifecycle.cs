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

public sealed record MemberState(long Id, MemberStatus Status, DateOnly ProbationEndsOn, bool ProbationExtended, DateOnly? FullSince);

/// <summary>Probation: convert to full membership after it ends, or extend it once by 6–12 months (branch secretary in scope).</summary>
public static class MemberLifecycle
{
    public static RouteGroupBuilder MapMemberLifecycle(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/convert", (long id, MemberLifecycleHandler h, ClaimsPrincipal user, CancellationToken ct) => h.ConvertAsync(id, user, ct))
            .RequireAuthorization().WithName("ConvertMember").WithSummary("Convert a probationary member to full membership (after probation ends).");
        api.MapPost("/party/members/{id:long}/extend", (long id, ExtendRequest request, MemberLifecycleHandler h, ClaimsPrincipal user, CancellationToken ct) =>
                h.ExtendAsync(id, request, user, ct))
            .RequireAuthorization().WithName("ExtendProbation").WithSummary("Extend probation once by 6 to 12 months.");
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

    public async Task<Results<Ok<MemberState>, ValidationProblem, NotFound, ForbidHttpResult>> RunAsync(
        long id, ClaimsPrincipal user, Func<PartyMember, DateOnly, (string Key, object[] Args)?> change, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Id == id, ct);
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
            return new FieldErrors(l).Add("status", refusal.Key, refusal.Args).ToProblem();
        }
        member.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MemberState(member.Id, member.Status, member.ProbationEndsOn, member.ProbationExtended, member.FullSince));
    }
}
