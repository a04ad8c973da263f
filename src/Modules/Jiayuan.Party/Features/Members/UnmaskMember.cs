using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Features.Members;

public sealed record UnmaskedMember(long Id, string? IdNumber, string? Phone);

/// <summary>A member's full ID number and phone for staff who manage the member; every use is audited as an unmasking (the foundation's audit log).</summary>
public static class UnmaskMemberEndpoint
{
    public static RouteGroupBuilder MapUnmaskMember(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/unmask", async Task<Results<Ok<UnmaskedMember>, NotFound, ForbidHttpResult>> (long id, MemberUnmasking unmasking, ClaimsPrincipal user, CancellationToken ct) =>
                await unmasking.UnmaskAsync(id, user, ct) switch
                {
                    (200, { } member) => TypedResults.Ok(member),
                    (403, _) => TypedResults.Forbid(),
                    _ => TypedResults.NotFound(),
                })
            .RequireAuthorization().WithName("UnmaskMember").WithSummary("A member's full ID number and phone, for staff who manage the member's organization (every use is audited).");
        return api;
    }
}

internal sealed class MemberUnmasking(JiayuanDbContext db, IPersonalDataCipher cipher, IAuditLog audit)
{
    public async Task<(int Status, UnmaskedMember? Member)> UnmaskAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return (404, null);
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return (403, null);
        }
        var idNumber = member.IdNumberCipher is { } i ? cipher.Unprotect(i) : null;
        var phone = member.PhoneCipher is { } p ? cipher.Unprotect(p) : null;
        await audit.RecordAsync("unmask", nameof(PartyMember), id.ToString(CultureInfo.InvariantCulture), "idNumber,phone", ct);
        return (200, new UnmaskedMember(id, idNumber, phone));
    }
}
