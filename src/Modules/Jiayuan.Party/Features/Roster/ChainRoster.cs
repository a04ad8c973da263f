using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Roster;

/// <summary>The account to link: its phone number or user name.</summary>
public sealed record LinkRequest(string? Login);

public sealed record MemberLink(long MemberId, long UserId, string LinkedBy, DateTimeOffset LinkedAt);

/// <summary>An organization of the member's chain: their own and its ancestors up to the working committee.</summary>
public sealed record ChainOrg(long Id, string Name, OrgKind Kind, bool Own);

/// <summary>The signed-in member's record (name masked) and their chain.</summary>
public sealed record MyMembership(long MemberId, string Name, MemberStatus Status, long OrganizationId, string OrganizationName, IReadOnlyList<ChainOrg> Chain);

/// <summary>A roster line as a member of the chain sees it: masked name, status and party age; no ID number, phone or dues.</summary>
public sealed record ChainMemberRow(string Name, MemberStatus Status, int PartyAge, bool Me);

public sealed record ChainRosterView(long OrganizationId, string Name, OrgKind Kind, IReadOnlyList<ChainMemberRow> Members);

/// <summary>A member of an organization and whether (and by whom) their record is linked to an account, for branch staff.</summary>
public sealed record AccountLinkRow(long MemberId, string Name, string? LinkedBy, DateTimeOffset? LinkedAt);

/// <summary>
/// Members linked to sign-in accounts (by staff, or by the member when their verified phone and ID number both match the roster)
/// see the masked roster of their own organization and its ancestors, and nothing of other organizations.
/// </summary>
public static class ChainRosterEndpoints
{
    public static RouteGroupBuilder MapChainRoster(this RouteGroupBuilder api)
    {
        api.MapPut("/party/members/{id:long}/account", async (long id, LinkRequest request, ChainRosterService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await service.LinkAsync(id, request, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("LinkMemberAccount").WithSummary("Link a member to a sign-in account, given the account's phone number or user name (branch staff).");
        api.MapDelete("/party/members/{id:long}/account", async Task<Results<NoContent, NotFound, ForbidHttpResult>> (long id, ChainRosterService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.UnlinkAsync(id, user, ct) switch
                {
                    StatusCodes.Status404NotFound => TypedResults.NotFound(),
                    StatusCodes.Status403Forbidden => TypedResults.Forbid(),
                    _ => TypedResults.NoContent(),
                })
            .RequireAuthorization().WithName("UnlinkMemberAccount").WithSummary("Remove the link between a member and their account (branch staff).");
        api.MapGet("/party/me", async Task<Results<Ok<MyMembership>, NotFound>> (ChainRosterService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.MineAsync(user, ct) is { } mine ? TypedResults.Ok(mine) : TypedResults.NotFound())
            .RequireAuthorization().WithName("MyPartyMembership").WithSummary("The signed-in member's record and organization chain (404 when the account is not linked to a member).");
        api.MapPost("/party/me", async (ChainRosterService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await service.LinkSelfAsync(user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("LinkMyPartyMembership")
            .WithSummary("Link the signed-in account to the member record whose ID number and phone both match the account's (the phone verified by SMS).");
        api.MapGet("/party/me/organizations/{id:long}/roster", async Task<Results<Ok<ChainRosterView>, NotFound>> (long id, ChainRosterService service, ClaimsPrincipal user, CancellationToken ct) =>
                await service.RosterAsync(id, user, ct) is { } roster ? TypedResults.Ok(roster) : TypedResults.NotFound())
            .RequireAuthorization().WithName("MyChainRoster").WithSummary("The masked roster of an organization of the signed-in member's chain (their own or an ancestor); 404 for any other.");
        return api;
    }
}

internal sealed class ChainRosterService(JiayuanDbContext db, IPersonalDataCipher cipher, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private FieldErrors Errors() => new(l);

    public async Task<(MemberLink? Row, FieldErrors Errors, int Status)> LinkAsync(long memberId, LinkRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Errors();
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        if (string.IsNullOrWhiteSpace(request.Login))
        {
            return (null, errors.Add("login", "Enter the account's phone number or user name."), StatusCodes.Status400BadRequest);
        }
        var login = request.Login.Trim();
        var phone = Phone.Normalize(login);
        long? userId;
        if (Phone.IsMobile(phone))
        {
            var hash = cipher.Hash(phone);
            userId = await db.Users.Where(u => u.PhoneHash == hash).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        }
        else
        {
            var name = login.ToUpperInvariant();
            userId = await db.Users.Where(u => u.NormalizedUserName == name).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        }
        if (userId is null)
        {
            return (null, errors.Add("login", "There is no account with this phone number or user name."), StatusCodes.Status400BadRequest);
        }
        return await SaveLinkAsync(member.Id, userId.Value, "staff", user.UserId(), errors, ct);
    }

    private async Task<(MemberLink? Row, FieldErrors Errors, int Status)> SaveLinkAsync(long memberId, long userId, string by, long? byId, FieldErrors errors, CancellationToken ct)
    {
        var existing = await db.Set<MemberAccount>().Where(a => a.MemberId == memberId || a.UserId == userId).ToListAsync(ct);
        if (existing.FirstOrDefault(a => a.MemberId == memberId && a.UserId == userId) is { } same)
        {
            return (new MemberLink(same.MemberId, same.UserId, same.LinkedBy, same.LinkedAt), errors, StatusCodes.Status200OK);
        }
        if (existing.Any(a => a.UserId == userId))
        {
            return (null, errors.Add("login", "This account is already linked to another member record."), StatusCodes.Status400BadRequest);
        }
        if (existing.Any(a => a.MemberId == memberId))
        {
            return (null, errors.Add("login", "This member is already linked to another account; remove that link first."), StatusCodes.Status400BadRequest);
        }
        var link = new MemberAccount { MemberId = memberId, UserId = userId, LinkedBy = by, LinkedById = byId, LinkedAt = clock.GetUtcNow() };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return (new MemberLink(memberId, userId, by, link.LinkedAt), errors, StatusCodes.Status200OK);
    }

    /// <summary>The organization's members with their links, in two queries; null when the caller cannot read the organization.</summary>
    public async Task<List<AccountLinkRow>?> LinksAsync(long orgId, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return null;
        }
        var members = await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == orgId).OrderBy(m => m.Id).Select(m => new { m.Id, m.RealName }).ToListAsync(ct);
        var links = await db.Set<MemberAccount>().AsNoTracking().Where(a => db.Set<PartyMember>().Any(m => m.Id == a.MemberId && m.OrganizationId == orgId))
            .ToDictionaryAsync(a => a.MemberId, ct);
        return [.. members.Select(m => links.TryGetValue(m.Id, out var a) ? new AccountLinkRow(m.Id, m.RealName, a.LinkedBy, a.LinkedAt) : new AccountLinkRow(m.Id, m.RealName, null, null))];
    }

    public async Task<int> UnlinkAsync(long memberId, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return StatusCodes.Status404NotFound;
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return StatusCodes.Status403Forbidden;
        }
        var link = await db.Set<MemberAccount>().FirstOrDefaultAsync(a => a.MemberId == memberId, ct);
        if (link is not null)
        {
            db.Remove(link);
            await db.SaveChangesAsync(ct);
        }
        return StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// Self-service link. Core does not verify ID numbers, so a typed ID alone proves nothing: the member record must also carry the
    /// account's phone, which was verified by SMS. Every refusal says the same, so nobody learns whether an ID number belongs to a member.
    /// </summary>
    public async Task<(MyMembership? Row, FieldErrors Errors, int Status)> LinkSelfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Errors();
        var userId = user.UserId();
        var account = userId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (account is null)
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (await MineAsync(user, ct) is { } already)
        {
            return (already, errors, StatusCodes.Status200OK);
        }
        if (account.IdNumberHash is null)
        {
            return (null, errors.Add("idNumber", "Add your ID number to your profile first."), StatusCodes.Status400BadRequest);
        }
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.IdNumberHash == account.IdNumberHash, ct);
        var phoneMatches = member?.PhoneCipher is { } c && account.PhoneVerified && account.PhoneHash is not null && cipher.Hash(cipher.Unprotect(c)) == account.PhoneHash;
        if (member is null || !phoneMatches)
        {
            return (null, errors.Add("account", "No member record matches both your verified phone number and your ID number; ask your branch secretary to link your account."),
                StatusCodes.Status400BadRequest);
        }
        var (_, linkErrors, status) = await SaveLinkAsync(member.Id, account.Id, "self", account.Id, errors, ct);
        if (linkErrors.Any)
        {
            return (null, Errors().Add("account", "Your member record is already linked to another account; ask your branch secretary."), StatusCodes.Status400BadRequest);
        }
        return (await MineAsync(user, ct), errors, status);
    }

    private async Task<PartyMember?> LinkedMemberAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not { } userId)
        {
            return null;
        }
        var memberId = await db.Set<MemberAccount>().Where(a => a.UserId == userId).Select(a => (long?)a.MemberId).FirstOrDefaultAsync(ct);
        return memberId is null ? null : await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
    }

    /// <summary>The paths of an organization and its ancestors: "/a/b/c" → "/a", "/a/b", "/a/b/c".</summary>
    private static List<string> ChainPaths(string orgPath)
    {
        var paths = new List<string>();
        for (var i = orgPath.IndexOf('/', 1); i > 0; i = orgPath.IndexOf('/', i + 1))
        {
            paths.Add(orgPath[..i]);
        }
        paths.Add(orgPath);
        return paths;
    }

    public async Task<MyMembership?> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await LinkedMemberAsync(user, ct) is not { } member)
        {
            return null;
        }
        var own = await db.Set<PartyOrganization>().AsNoTracking().FirstAsync(o => o.Id == member.OrganizationId, ct);
        var paths = ChainPaths(own.Path);
        var chain = await db.Set<PartyOrganization>().AsNoTracking().Where(o => paths.Contains(o.Path)).ToListAsync(ct);
        return new MyMembership(member.Id, Masking.Name(member.RealName), member.Status, own.Id, own.Name,
            [.. chain.OrderByDescending(o => o.Path.Length).Select(o => new ChainOrg(o.Id, o.Name, o.Kind, o.Id == own.Id))]);
    }

    public async Task<ChainRosterView?> RosterAsync(long orgId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await LinkedMemberAsync(user, ct) is not { } me)
        {
            return null;
        }
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        var ownPath = await db.Set<PartyOrganization>().Where(o => o.Id == me.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        if (org is null || !ChainPaths(ownPath).Contains(org.Path))
        {
            return null;
        }
        var today = Jiayuan.Core.Text.Dates.Today(clock);
        var members = await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == orgId).OrderBy(m => m.Id).ToListAsync(ct);
        return new ChainRosterView(org.Id, org.Name, org.Kind,
            [.. members.Select(m => new ChainMemberRow(Masking.Name(m.RealName), m.Status, m.PartyAge(today), m.Id == me.Id))]);
    }
}
