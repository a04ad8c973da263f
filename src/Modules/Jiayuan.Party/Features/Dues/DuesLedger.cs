using System.Globalization;
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

namespace Jiayuan.Party.Features.Dues;

/// <summary>The base declared for a year (defaults to the current year) and the dues category (defaults to the member's).</summary>
public sealed record BaseDeclaration(decimal? Base, DuesCategory? Category, int? Year);

/// <summary>The year's fixed base and monthly amount; <see cref="Note"/> says when a declaration did not change an already fixed year.</summary>
public sealed record DuesBaseResult(long MemberId, int Year, decimal Base, DuesCategory Category, decimal Monthly, string? Note);

/// <summary>Money spent from the branch's dues: date (yyyy-MM-dd), amount in yuan with at most two decimals, purpose, note.</summary>
public sealed record DuesUseRequest(string? SpentOn, decimal? Amount, DuesUsePurpose? Purpose, string? Note);

public sealed record DuesUseRow(long Id, DateOnly SpentOn, decimal Amount, DuesUsePurpose Purpose, string? Note);

/// <summary>A member's dues for the year: the fixed base and amount (or, when not yet fixed, what the current base would give), months paid and owed.</summary>
public sealed record DuesMemberRow(long MemberId, string Name, DuesCategory Category, decimal Base, decimal Monthly, bool Fixed, int PaidMonths, int DueMonths,
    int UnpaidMonths, string? LastPaid, decimal Paid);

public sealed record PurposeTotal(DuesUsePurpose Purpose, decimal Amount);

/// <summary>The year's account of a branch: the balance carried from earlier years, receipts, use (by purpose) and the balance at the end.</summary>
public sealed record DuesAccount(int Year, int Members, int Payers, decimal OpeningBalance, decimal Received, decimal Used, decimal Balance, IReadOnlyList<PurposeTotal> UsedByPurpose);

public sealed record DuesLedgerView(long OrganizationId, string OrganizationName, int Year, IReadOnlyList<DuesMemberRow> Members, IReadOnlyList<DuesUseRow> Uses, DuesAccount Account);

/// <summary>Dues of a branch for a year: yearly base snapshots, the branch's use of dues, and its account (staff in scope).</summary>
public static class DuesLedgerEndpoints
{
    public static RouteGroupBuilder MapDuesLedger(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/dues-base", (long id, BaseDeclaration request, DuesLedgerService ledger, ClaimsPrincipal user, CancellationToken ct) =>
                ledger.DeclareBaseAsync(id, request, user, ct))
            .RequireAuthorization().WithName("DeclareDuesBase")
            .WithSummary("Declare a member's monthly base for this year or the next; the first declaration of a year fixes that year's amount, later ones apply from the next year.");
        api.MapPost("/party/organizations/{id:long}/dues-bases", (long id, int? year, DuesLedgerService ledger, ClaimsPrincipal user, CancellationToken ct) =>
                ledger.FixYearAsync(id, year, user, ct))
            .RequireAuthorization().WithName("FixDuesBases")
            .WithSummary("Fix the year's base and monthly amount, from their current base, for the organization's members who have none yet; returns how many were fixed.");
        api.MapGet("/party/organizations/{id:long}/dues", async Task<Results<Ok<DuesLedgerView>, NotFound, ValidationProblem>> (long id, int? year, DuesLedgerService ledger,
                ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (year is < 1921 or > 2100)
                {
                    return new FieldErrors(l).Add("year", "The year must be between 1921 and 2100.").ToProblem();
                }
                return await ledger.LedgerAsync(id, year, user, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
            })
            .RequireAuthorization().WithName("GetDuesLedger")
            .WithSummary("The organization's dues for a year: each member's fixed base and amount, months paid and owed, the uses, and the account (opening balance, received, used, balance).");
        api.MapPost("/party/organizations/{id:long}/dues-uses", (long id, DuesUseRequest request, DuesLedgerService ledger, ClaimsPrincipal user, CancellationToken ct) =>
                ledger.RecordUseAsync(id, request, user, ct))
            .RequireAuthorization().WithName("RecordDuesUse")
            .WithSummary("Record money spent from the organization's dues (上缴上级党委, 党员教育, 慰问困难党员 or other, with a note).");
        return api;
    }
}

internal sealed class DuesLedgerService(JiayuanDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(clock);

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The member's snapshot for <paramref name="year"/>, added from the current base when the year has none (saved by the caller).</summary>
    public static async Task<DuesBaseSnapshot> SnapshotAsync(JiayuanDbContext db, PartyMember member, int year, DateOnly today, DateTimeOffset now, long? userId, CancellationToken ct)
    {
        var existing = db.ChangeTracker.Entries<DuesBaseSnapshot>().Select(e => e.Entity).FirstOrDefault(s => s.MemberId == member.Id && s.Year == year)
            ?? await db.Set<DuesBaseSnapshot>().FirstOrDefaultAsync(s => s.MemberId == member.Id && s.Year == year, ct);
        if (existing is not null)
        {
            return existing;
        }
        var snapshot = new DuesBaseSnapshot
        {
            MemberId = member.Id, Year = year, Base = member.DuesBase, Category = member.DuesCategory, Monthly = Domain.Dues.Monthly(member.DuesBase, member.DuesCategory),
            DeclaredOn = today, RecordedById = userId, RecordedAt = now,
        };
        db.Add(snapshot);
        return snapshot;
    }

    private async Task<(PartyOrganization? Org, bool Found, bool CanManage)> OrgAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return (null, false, false);
        }
        return (org, true, user.Covers(org.PlacePath, PartyAccess.Managers));
    }

    public async Task<Results<Ok<DuesBaseResult>, ValidationProblem, NotFound, ForbidHttpResult>> DeclareBaseAsync(long memberId, BaseDeclaration request, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !user.Covers(member.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(member.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var today = Today;
        var year = request.Year ?? today.Year;
        var errors = new FieldErrors(l);
        if (request.Base is not { } b || b < 0 || b > 10_000_000 || decimal.Round(b, 2) != b)
        {
            errors.Add("base", "Enter the monthly after-tax income in yuan (0 or more, at most two decimals).");
        }
        if (year != today.Year && year != today.Year + 1)
        {
            errors.Add("year", "A base is declared for this year or the next.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var category = request.Category ?? member.DuesCategory;
        var existing = await db.Set<DuesBaseSnapshot>().AsNoTracking().FirstOrDefaultAsync(s => s.MemberId == memberId && s.Year == year, ct);
        member.DuesBase = request.Base!.Value;
        member.DuesCategory = category;
        member.UpdatedAt = clock.GetUtcNow();
        string? note = null;
        DuesBaseSnapshot snapshot;
        if (existing is not null)
        {
            snapshot = existing;
            note = l["The amount for {0} is fixed at {1} yuan a month; the new base applies from {2}.", year, existing.Monthly.ToString("0.00", CultureInfo.InvariantCulture), year + 1];
        }
        else
        {
            snapshot = await SnapshotAsync(db, member, year, today, clock.GetUtcNow(), user.UserId(), ct);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DuesBaseResult(memberId, snapshot.Year, snapshot.Base, snapshot.Category, snapshot.Monthly, note));
    }

    /// <summary>Snapshots every member of the organization that has none for the year; returns how many were added.</summary>
    public async Task<Results<Ok<int>, ValidationProblem, NotFound, ForbidHttpResult>> FixYearAsync(long orgId, int? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var (org, found, canManage) = await OrgAsync(orgId, user, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (!canManage)
        {
            return TypedResults.Forbid();
        }
        var today = Today;
        var y = year ?? today.Year;
        if (y != today.Year && y != today.Year + 1)
        {
            return new FieldErrors(l).Add("year", "A base is declared for this year or the next.").ToProblem();
        }
        var members = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.OrganizationId == org!.Id && !db.Set<DuesBaseSnapshot>().Any(s => s.MemberId == m.Id && s.Year == y)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var m in members)
        {
            db.Add(new DuesBaseSnapshot
            {
                MemberId = m.Id, Year = y, Base = m.DuesBase, Category = m.DuesCategory, Monthly = Domain.Dues.Monthly(m.DuesBase, m.DuesCategory),
                DeclaredOn = today, RecordedById = user.UserId(), RecordedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(members.Count);
    }

    public async Task<Results<Created<DuesUseRow>, ValidationProblem, NotFound, ForbidHttpResult>> RecordUseAsync(long orgId, DuesUseRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var (org, found, canManage) = await OrgAsync(orgId, user, ct);
        if (!found)
        {
            return TypedResults.NotFound();
        }
        if (!canManage)
        {
            return TypedResults.Forbid();
        }
        var errors = new FieldErrors(l);
        var today = Today;
        DateOnly spentOn = default;
        if (string.IsNullOrWhiteSpace(request.SpentOn) || !DateOnly.TryParseExact(request.SpentOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out spentOn))
        {
            errors.Add("spentOn", "Enter the date the money was spent (yyyy-MM-dd).");
        }
        else if (spentOn > today)
        {
            errors.Add("spentOn", "The date cannot be in the future.");
        }
        else if (spentOn < org!.FoundedOn)
        {
            errors.Add("spentOn", "The date is before the organization was founded.");
        }
        if (request.Amount is not { } amount || amount <= 0 || amount > 10_000_000 || decimal.Round(amount, 2) != amount)
        {
            errors.Add("amount", "Enter an amount in yuan above 0, with at most two decimals.");
        }
        if (request.Purpose is null)
        {
            errors.Add("purpose", "Choose what the money was used for.");
        }
        else if (request.Purpose == DuesUsePurpose.Other && string.IsNullOrWhiteSpace(request.Note))
        {
            errors.Add("note", "Say what the money was used for.");
        }
        errors.MaxLength("note", request.Note, 300, "Note");
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        var use = new DuesUse
        {
            OrganizationId = orgId, PlacePath = org!.PlacePath, SpentOn = spentOn, Amount = request.Amount!.Value, Purpose = request.Purpose!.Value,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), RecordedById = user.UserId(), RecordedAt = clock.GetUtcNow(),
        };
        db.Add(use);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/party/organizations/{orgId}/dues?year={spentOn.Year}", new DuesUseRow(use.Id, use.SpentOn, use.Amount, use.Purpose, use.Note));
    }

    /// <summary>The year's account of an organization (decimals summed in memory: SQLite cannot sum them in SQL).</summary>
    public async Task<DuesAccount> AccountAsync(long orgId, int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = start.AddYears(1);
        var payments = await db.Set<DuesPayment>().AsNoTracking().Where(p => p.OrganizationId == orgId && p.Month < end)
            .Select(p => new { p.MemberId, p.Month, p.Amount }).ToListAsync(ct);
        var uses = await db.Set<DuesUse>().AsNoTracking().Where(u => u.OrganizationId == orgId && u.SpentOn < end)
            .Select(u => new { u.SpentOn, u.Amount, u.Purpose }).ToListAsync(ct);
        var memberCount = await db.Set<PartyMember>().CountAsync(m => m.OrganizationId == orgId, ct);
        var received = payments.Where(p => p.Month >= start).Sum(p => p.Amount);
        var used = uses.Where(u => u.SpentOn >= start).Sum(u => u.Amount);
        var opening = payments.Where(p => p.Month < start).Sum(p => p.Amount) - uses.Where(u => u.SpentOn < start).Sum(u => u.Amount);
        var byPurpose = uses.Where(u => u.SpentOn >= start).GroupBy(u => u.Purpose).OrderBy(g => g.Key).Select(g => new PurposeTotal(g.Key, g.Sum(u => u.Amount))).ToList();
        return new DuesAccount(year, memberCount, payments.Where(p => p.Month >= start).Select(p => p.MemberId).Distinct().Count(),
            opening, received, used, opening + received - used, byPurpose);
    }

    /// <summary>The ledger in five queries whatever the number of members.</summary>
    public async Task<DuesLedgerView?> LedgerAsync(long orgId, int? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var (org, found, _) = await OrgAsync(orgId, user, ct);
        if (!found)
        {
            return null;
        }
        var today = Today;
        var y = year ?? today.Year;
        var start = new DateOnly(y, 1, 1);
        var end = start.AddYears(1);
        var members = await db.Set<PartyMember>().AsNoTracking().Where(m => m.OrganizationId == orgId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.RealName, m.DuesBase, m.DuesCategory, m.AdmittedOn }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var snapshots = await db.Set<DuesBaseSnapshot>().AsNoTracking().Where(s => s.Year == y && ids.Contains(s.MemberId)).ToDictionaryAsync(s => s.MemberId, ct);
        var paid = (await db.Set<DuesPayment>().AsNoTracking().Where(p => ids.Contains(p.MemberId) && p.Month >= start && p.Month < end)
            .Select(p => new { p.MemberId, p.Month, p.Amount }).ToListAsync(ct)).ToLookup(p => p.MemberId);
        // Months due: up to the last complete month of the current year, the whole year for past years.
        var current = new DateOnly(today.Year, today.Month, 1);
        var lastDue = y < today.Year ? new DateOnly(y, 12, 1) : y == today.Year ? current.AddMonths(-1) : start.AddMonths(-1);
        var rows = members.Select(m =>
        {
            var s = snapshots.GetValueOrDefault(m.Id);
            var admitted = new DateOnly(m.AdmittedOn.Year, m.AdmittedOn.Month, 1);
            var from = admitted > start ? admitted : start;
            var due = lastDue < from ? 0 : (lastDue.Year - from.Year) * 12 + lastDue.Month - from.Month + 1;
            var mine = paid[m.Id].ToList();
            var paidDue = mine.Count(p => p.Month <= lastDue);
            return new DuesMemberRow(m.Id, m.RealName, s?.Category ?? m.DuesCategory, s?.Base ?? m.DuesBase, s?.Monthly ?? Domain.Dues.Monthly(m.DuesBase, m.DuesCategory),
                s is not null, mine.Count, due, Math.Max(0, due - paidDue), mine.Count == 0 ? null : Label(mine.Max(p => p.Month)), mine.Sum(p => p.Amount));
        }).ToList();
        var uses = await db.Set<DuesUse>().AsNoTracking().Where(u => u.OrganizationId == orgId && u.SpentOn >= start && u.SpentOn < end)
            .OrderBy(u => u.SpentOn).ThenBy(u => u.Id).Select(u => new DuesUseRow(u.Id, u.SpentOn, u.Amount, u.Purpose, u.Note)).ToListAsync(ct);
        return new DuesLedgerView(orgId, org!.Name, y, rows, uses, await AccountAsync(orgId, y, ct));
    }
}
