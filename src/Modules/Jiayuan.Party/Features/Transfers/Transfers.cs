using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
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
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Transfers;

public sealed record TransferRequest(long? ToOrganizationId, string? Reason);

public sealed record DecisionRequest(string? Note);

public sealed record TransferRow(long Id, long MemberId, string MemberName, long FromOrganizationId, long ToOrganizationId, string Reason,
    TransferStatus Status, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? DecidedOn, string? DecisionNote, bool Overdue);

/// <summary>组织关系转接: the sending branch issues, the receiving one accepts or rejects; overdue letters are listed.</summary>
public static class TransferEndpoints
{
    public static RouteGroupBuilder MapTransfers(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/transfers", (long id, TransferRequest request, TransferService transfers, ClaimsPrincipal user, CancellationToken ct) =>
                transfers.IssueAsync(id, request, user, ct))
            .RequireAuthorization().WithName("IssueTransfer").WithSummary("Issue a transfer letter to another organization (sending organization's secretary).");
        api.MapPost("/party/transfers/{id:long}/accept", (long id, DecisionRequest request, TransferService transfers, ClaimsPrincipal user, CancellationToken ct) =>
                transfers.DecideAsync(id, accept: true, request, user, ct))
            .RequireAuthorization().WithName("AcceptTransfer").WithSummary("Accept a transfer (receiving organization's secretary): the member moves.");
        api.MapPost("/party/transfers/{id:long}/reject", (long id, DecisionRequest request, TransferService transfers, ClaimsPrincipal user, CancellationToken ct) =>
                transfers.DecideAsync(id, accept: false, request, user, ct))
            .RequireAuthorization().WithName("RejectTransfer").WithSummary("Reject a transfer with a reason; the member stays with the sending organization.");
        api.MapGet("/party/transfers", async Task<Results<Ok<List<TransferRow>>, NotFound, ForbidHttpResult>> (string? scope, bool? overdueOnly, IPlaceDirectory places,
                TransferService transfers, ClaimsPrincipal user, CancellationToken ct) =>
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
                return TypedResults.Ok(await transfers.ListAsync(place.Path, overdueOnly == true, ct));
            })
            .RequireAuthorization().WithName("ListTransfers").WithSummary("Transfers in or out of a place's organizations; overdueOnly lists pending letters past their validity.");
        return api;
    }
}

internal sealed class TransferService(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(clock);

    private TransferRow ToRow(Transfer t) => new(t.Id, t.MemberId, t.MemberName, t.FromOrganizationId, t.ToOrganizationId, t.Reason, t.Status, t.IssuedOn,
        t.ValidUntil, t.DecidedOn, t.DecisionNote, t.IsOverdue(Today));

    public async Task<Results<Created<TransferRow>, ValidationProblem, NotFound, ForbidHttpResult>> IssueAsync(long memberId, TransferRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l).Required("reason", request.Reason, "Reason").MaxLength("reason", request.Reason, 300, "Reason");
        var target = request.ToOrganizationId is { } toId ? await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == toId, ct) : null;
        if (target is null || target.Kind == OrgKind.PartyGroup)
        {
            errors.Add("toOrganizationId", "Choose the organization that will receive the member.");
        }
        else if (target.Id == member.OrganizationId)
        {
            errors.Add("toOrganizationId", "The member already belongs to this organization.");
        }
        var today = Today;
        var pending = await db.Set<Transfer>().Where(t => t.MemberId == memberId && t.Status == TransferStatus.Pending).ToListAsync(ct);
        if (pending.Any(t => !t.IsOverdue(today)))
        {
            errors.Add("memberId", "This member already has a pending transfer; it must be accepted or rejected first.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        // A new letter replaces an expired one, which is closed with a note.
        foreach (var expired in pending)
        {
            expired.Status = TransferStatus.Rejected;
            expired.DecidedOn = today;
            expired.DecisionNote = "介绍信已过期，已重新开具。";
        }
        var transfer = new Transfer
        {
            MemberId = memberId, MemberName = member.RealName, FromOrganizationId = member.OrganizationId, FromPlacePath = member.PlacePath,
            ToOrganizationId = target!.Id, ToPlacePath = target.PlacePath, Reason = request.Reason!.Trim(), Status = TransferStatus.Pending,
            IssuedOn = today, ValidUntil = today.AddMonths(Transfer.LetterValidMonths), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(transfer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/party/transfers/{transfer.Id}", ToRow(transfer));
    }

    public async Task<Results<Ok<TransferRow>, ValidationProblem, NotFound, ForbidHttpResult>> DecideAsync(long id, bool accept, DecisionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var transfer = await db.Set<Transfer>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (transfer is null || !(user.Covers(transfer.ToPlacePath, PartyAccess.Readers) || user.Covers(transfer.FromPlacePath, PartyAccess.Readers)))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(transfer.ToPlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l);
        if (transfer.Status != TransferStatus.Pending)
        {
            errors.Add("status", "This transfer was already decided.");
        }
        if (!accept)
        {
            errors.Required("note", request.Note, "Reason");
        }
        else if (transfer.IsOverdue(Today))
        {
            errors.Add("status", "The transfer letter expired on {0}; the sending organization must issue a new one.",
                transfer.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        transfer.Status = accept ? TransferStatus.Accepted : TransferStatus.Rejected;
        transfer.DecidedOn = Today;
        transfer.DecisionNote = request.Note?.Trim();
        if (accept)
        {
            var target = await db.Set<PartyOrganization>().FirstAsync(o => o.Id == transfer.ToOrganizationId, ct);
            var member = await db.Set<PartyMember>().FirstAsync(m => m.Id == transfer.MemberId, ct);
            member.OrganizationId = target.Id;
            member.OrgPath = target.Path;
            member.PlacePath = target.PlacePath;
            member.IsTwoNew = target.TwoNew is not null;
            member.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        if (accept)
        {
            await Data.OrgCounters.RefreshAsync(db, [transfer.FromOrganizationId, transfer.ToOrganizationId], ct);
        }
        return TypedResults.Ok(ToRow(transfer));
    }

    public async Task<List<TransferRow>> ListAsync(string placePath, bool overdueOnly, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(placePath);
        var today = Today;
        var query = db.Set<Transfer>().AsNoTracking().Where(t =>
            t.FromPlacePath == placePath || (string.Compare(t.FromPlacePath, from) >= 0 && string.Compare(t.FromPlacePath, to) < 0)
            || t.ToPlacePath == placePath || (string.Compare(t.ToPlacePath, from) >= 0 && string.Compare(t.ToPlacePath, to) < 0));
        if (overdueOnly)
        {
            query = query.Where(t => t.Status == TransferStatus.Pending && t.ValidUntil < today);
        }
        var rows = await query.OrderByDescending(t => t.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(ToRow)];
    }
}
