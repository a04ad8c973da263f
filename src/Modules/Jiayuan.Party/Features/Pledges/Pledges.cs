using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Pledges;

public sealed record PledgeInput(int? Year, string? Text, bool PublicConsent);

/// <summary>Progress and fulfilment; <paramref name="PublicConsent"/> given (true or false) records a change of the member's consent, omitted keeps it.</summary>
public sealed record PledgeProgressInput(int? Progress, string? Note, bool Fulfilled, bool? PublicConsent = null);

/// <summary>A pledge as the community page shows it; the name is masked for anonymous visitors.</summary>
public sealed record PledgeRow(long Id, string MemberName, string OrganizationName, int Year, string Text, int Progress, string? ProgressNote, bool Fulfilled);

/// <summary>亮身份、公开承诺: a member's yearly pledge and its fulfilment; public only with the member's consent.</summary>
public static class PledgeEndpoints
{
    public static RouteGroupBuilder MapPledges(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/pledges", async Task<Results<Created<PledgeRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, PledgeInput input, PledgeService pledges, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await pledges.CreateAsync(id, input, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/party/pledges/{r.Id}");
            })
            .RequireAuthorization().WithName("CreatePledge").WithSummary("Record a member's pledge for a year (one per year), with or without consent to publish it.");
        api.MapPut("/party/pledges/{id:long}/progress", async Task<Results<Ok<PledgeRow>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, PledgeProgressInput input, PledgeService pledges, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await pledges.ProgressAsync(id, input, user, ct);
                return Outcome.Ok(row, errors, status);
            })
            .RequireAuthorization().WithName("UpdatePledgeProgress").WithSummary("Record progress (0–100) and fulfilment of a pledge (and, when given, a change of the member's consent to publish it).");
        api.MapGet("/party/pledges", async (string? scope, int? year, PledgeService pledges, Places.Contracts.IPlaceDirectory places, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                return place is null ? Results.NotFound() : Results.Ok(await pledges.PublicAsync(place.Path, year ?? Jiayuan.Core.Text.Dates.Today(clock).Year, user, 50, ct));
            })
            .AllowAnonymous().WithName("ListPublicPledges").WithSummary("Pledges published with consent under a place; names masked for anonymous visitors.");
        return api;
    }
}

internal sealed class PledgeService(JiayuanDbContext db, IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(PledgeRow? Row, FieldErrors Errors, int Status)> CreateAsync(long memberId, PledgeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        var year = input.Year ?? Jiayuan.Core.Text.Dates.Today(clock).Year;
        errors.Required("text", input.Text, "Pledge").MaxLength("text", input.Text, 500, "Pledge");
        if (year < Jiayuan.Core.Text.Dates.Today(clock).Year - 1 || year > Jiayuan.Core.Text.Dates.Today(clock).Year + 1)
        {
            errors.Add("year", "A pledge is for the current year (or the next).");
        }
        if (await db.Set<Pledge>().AnyAsync(p => p.MemberId == memberId && p.Year == year, ct))
        {
            errors.Add("year", "This member already has a pledge for {0}; update its progress instead.", year);
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        var orgName = await db.Set<PartyOrganization>().Where(o => o.Id == member.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var pledge = new Pledge
        {
            MemberId = memberId, PlacePath = member.PlacePath, MemberName = member.RealName, OrganizationName = orgName, Year = year,
            Text = input.Text!.Trim(), PublicConsent = input.PublicConsent, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(pledge);
        await db.SaveChangesAsync(ct);
        return (ToRow(pledge, masked: false), errors, 201);
    }

    public async Task<(PledgeRow? Row, FieldErrors Errors, int Status)> ProgressAsync(long id, PledgeProgressInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var pledge = await db.Set<Pledge>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pledge is null || !user.Covers(pledge.PlacePath, PartyAccess.Readers))
        {
            return (null, errors, StatusCodes.Status404NotFound);
        }
        if (!user.Covers(pledge.PlacePath, PartyAccess.Managers))
        {
            return (null, errors, StatusCodes.Status403Forbidden);
        }
        if (input.Progress is not (>= 0 and <= 100))
        {
            errors.Add("progress", "Progress is a percentage from 0 to 100.");
        }
        errors.MaxLength("note", input.Note, 500, "Note");
        if (errors.Any)
        {
            return (null, errors, 400);
        }
        pledge.Progress = input.Fulfilled ? 100 : input.Progress!.Value;
        pledge.ProgressNote = input.Note?.Trim();
        pledge.Fulfilled = input.Fulfilled;
        if (input.PublicConsent is { } consent)
        {
            pledge.PublicConsent = consent;
        }
        pledge.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return (ToRow(pledge, masked: false), errors, 200);
    }

    /// <summary>
    /// Published pledges under a place: only with consent; full names only for signed-in visitors. Uses its own context:
    /// it runs inside a home-page section, concurrently with other sections.
    /// </summary>
    public async Task<List<PledgeRow>> PublicAsync(string placePath, int year, ClaimsPrincipal user, int take, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(placePath);
        await using var own = await factory.CreateDbContextAsync(ct);
        var pledges = await own.Set<Pledge>().AsNoTracking()
            .Where(p => p.PublicConsent && p.Year == year && (p.PlacePath == placePath || (string.Compare(p.PlacePath, from) >= 0 && string.Compare(p.PlacePath, to) < 0)))
            // Members only: the query filter drops a person whose probationary membership was cancelled.
            .Where(p => own.Set<PartyMember>().Any(m => m.Id == p.MemberId))
            .OrderByDescending(p => p.Fulfilled).ThenByDescending(p => p.Progress).ThenBy(p => p.Id).Take(take).ToListAsync(ct);
        var masked = user.Identity?.IsAuthenticated != true;
        return [.. pledges.Select(p => ToRow(p, masked))];
    }

    private static PledgeRow ToRow(Pledge p, bool masked) =>
        new(p.Id, masked ? Masking.Name(p.MemberName) : p.MemberName, p.OrganizationName, p.Year, p.Text, p.Progress, p.ProgressNote, p.Fulfilled);
}
