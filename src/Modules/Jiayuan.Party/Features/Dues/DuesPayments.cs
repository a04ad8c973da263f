using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Notices.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Party.Features.Organizations;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Dues;

/// <summary>Months paid, as "yyyy-MM".</summary>
public sealed record PaymentRequest(IReadOnlyList<string>? Months);

public sealed record PaymentResult(long MemberId, IReadOnlyList<string> Months, decimal MonthlyAmount, decimal Total);

/// <summary>A member behind with dues: months unpaid this year; warned at 3, escalated at 6 (自行脱党 risk).</summary>
public sealed record Arrears(long MemberId, string Name, long OrganizationId, int UnpaidMonths, string? LastPaid, string Level);

/// <summary>The published yearly account: receipts, use and balances (the balance carried from earlier years and at the end of the year).</summary>
public sealed record DuesReport(long OrganizationId, int Year, int Members, int Payers, decimal Received, long NoticeId, decimal OpeningBalance, decimal Used, decimal Balance);

/// <summary>Dues payments by month with the back-payment limit, arrears warnings, and the branch's yearly report on the 党务公开 board.</summary>
public static class DuesPaymentEndpoints
{
    public static RouteGroupBuilder MapDuesPayments(this RouteGroupBuilder api)
    {
        api.MapPost("/party/members/{id:long}/dues-payments", (long id, PaymentRequest request, DuesService dues, ClaimsPrincipal user, CancellationToken ct) => dues.PayAsync(id, request, user, ct))
            .RequireAuthorization().WithName("RecordDuesPayment").WithSummary("Record dues paid for months (yyyy-MM): the year's fixed amount each; back-payment at most 6 months.");
        api.MapGet("/party/dues/arrears", async Task<Results<Ok<List<Arrears>>, NotFound, ForbidHttpResult>> (string? scope, IPlaceDirectory places, DuesService dues, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                return user.Covers(place.Path, PartyAccess.Readers) ? TypedResults.Ok(await dues.ArrearsAsync(place.Path, ct)) : TypedResults.Forbid();
            })
            .RequireAuthorization().WithName("DuesArrears").WithSummary("Members with unpaid months this year (warn ≥3, escalate ≥6; configurable).");
        api.MapPost("/party/organizations/{id:long}/dues-report", (long id, int? year, DuesService dues, ClaimsPrincipal user, CancellationToken ct) => dues.PublishReportAsync(id, year, user, ct))
            .RequireAuthorization().WithName("PublishDuesReport").WithSummary("Publish the organization's dues account for a year (balance carried, received, used by purpose, balance) to the 党务公开 board of its community.");
        return api;
    }
}

internal sealed class DuesService(JiayuanDbContext db, DuesLedgerService ledger, IPlaceDirectory places, INoticePublisher notices, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> l)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(clock);

    private static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    /// <summary>Purposes as the published (Chinese) report names them.</summary>
    public static string PurposeZh(Contracts.DuesUsePurpose purpose) => purpose switch
    {
        Contracts.DuesUsePurpose.RemittedToHigher => "上缴上级党委",
        Contracts.DuesUsePurpose.MemberEducation => "党员教育",
        Contracts.DuesUsePurpose.HardshipRelief => "慰问困难党员",
        _ => "其他",
    };

    private static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<Results<Ok<PaymentResult>, ValidationProblem, NotFound, ForbidHttpResult>> PayAsync(long memberId, PaymentRequest request, ClaimsPrincipal user, CancellationToken ct)
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
        var errors = new FieldErrors(l);
        var current = MonthOf(Today);
        var earliest = current.AddMonths(-Domain.Dues.MaxBackPaymentMonths);
        var months = new List<DateOnly>();
        foreach (var text in request.Months ?? [])
        {
            if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                errors.Add("months", "{0} is not a month (yyyy-MM).", text);
            }
            else if (month < earliest)
            {
                errors.Add("months", "{0} is more than {1} months ago: dues can be paid back for at most {1} months.", text, Domain.Dues.MaxBackPaymentMonths);
            }
            else if (month.Year > current.Year)
            {
                errors.Add("months", "{0} is in a later year: the amount is fixed for the current year only.", text);
            }
            else if (month < MonthOf(member.AdmittedOn))
            {
                errors.Add("months", "{0} is before the member was admitted.", text);
            }
            else
            {
                months.Add(month);
            }
        }
        if (months.Count == 0 && !errors.Any)
        {
            errors.Add("months", "Choose at least one month.");
        }
        var already = await db.Set<DuesPayment>().Where(p => p.MemberId == memberId && months.Contains(p.Month)).Select(p => p.Month).ToListAsync(ct);
        foreach (var month in already)
        {
            errors.Add("months", "{0} is already paid.", Label(month));
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        // Each month is paid at its year's fixed amount: the year's snapshot, taken now from the current base if the year has none.
        var now = clock.GetUtcNow();
        var distinct = months.Distinct().OrderBy(m => m).ToList();
        var amounts = new Dictionary<int, decimal>();
        foreach (var year in distinct.Select(m => m.Year).Distinct())
        {
            amounts[year] = (await DuesLedgerService.SnapshotAsync(db, member, year, Today, now, user.UserId(), ct)).Monthly;
        }
        db.AddRange(distinct.Select(m => new DuesPayment
        {
            MemberId = memberId, OrganizationId = member.OrganizationId, PlacePath = member.PlacePath, Month = m, Amount = amounts[m.Year], PaidOn = Today,
            RecordedById = user.UserId(), RecordedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PaymentResult(memberId, [.. distinct.Select(Label)], amounts[distinct[^1].Year], distinct.Sum(m => amounts[m.Year])));
    }

    /// <summary>Unpaid months of this year up to the last complete month, in two queries for the whole scope.</summary>
    public async Task<List<Arrears>> ArrearsAsync(string placePath, CancellationToken ct)
    {
        var warnAt = configuration.GetValue("Party:DuesWarnMonths", 3);
        var escalateAt = configuration.GetValue("Party:DuesEscalateMonths", 6);
        var today = Today;
        var lastDue = MonthOf(today).AddMonths(-1);
        var (from, to) = TreePath.Descendants(placePath);
        var members = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.PlacePath == placePath || (string.Compare(m.PlacePath, from) >= 0 && string.Compare(m.PlacePath, to) < 0))
            .Select(m => new { m.Id, m.RealName, m.OrganizationId, m.AdmittedOn }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        var yearStart = new DateOnly(lastDue.Year, 1, 1);
        var paid = await db.Set<DuesPayment>().AsNoTracking().Where(p => ids.Contains(p.MemberId) && p.Month >= yearStart.AddMonths(-12))
            .GroupBy(p => p.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count(m => m.Month >= yearStart && m.Month <= lastDue), Last = g.Max(m => m.Month) })
            .ToDictionaryAsync(x => x.MemberId, ct);
        var result = new List<Arrears>();
        foreach (var m in members)
        {
            var start = MonthOf(m.AdmittedOn) > yearStart ? MonthOf(m.AdmittedOn) : yearStart;
            var due = lastDue < start ? 0 : (lastDue.Year - start.Year) * 12 + lastDue.Month - start.Month + 1;
            var unpaid = due - (paid.TryGetValue(m.Id, out var p) ? p.Count : 0);
            if (unpaid >= warnAt)
            {
                result.Add(new Arrears(m.Id, m.RealName, m.OrganizationId, unpaid, p is null ? null : Label(p.Last), unpaid >= escalateAt ? "escalate" : "warn"));
            }
        }
        return [.. result.OrderByDescending(a => a.UnpaidMonths).ThenBy(a => a.MemberId)];
    }

    public async Task<Results<Ok<DuesReport>, NotFound, ForbidHttpResult>> PublishReportAsync(long orgId, int? year, ClaimsPrincipal user, CancellationToken ct)
    {
        var org = await db.Set<PartyOrganization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !user.Covers(org.PlacePath, PartyAccess.Readers))
        {
            return TypedResults.NotFound();
        }
        if (!user.Covers(org.PlacePath, PartyAccess.Managers))
        {
            return TypedResults.Forbid();
        }
        var y = year ?? Today.Year;
        var account = await ledger.AccountAsync(orgId, y, ct);
        var community = (await places.CommunitiesAsync(ct)).FirstOrDefault(c => Scope.IsWithin(org.PlacePath, c.Path)) ?? await places.RootAsync(ct);
        var title = string.Format(CultureInfo.InvariantCulture, "{0}{1}年度党费收缴和使用情况公示", org.Name, y);
        var uses = account.UsedByPurpose.Count == 0
            ? "<li>本年度未使用党费。</li>"
            : string.Concat(account.UsedByPurpose.Select(u => string.Format(CultureInfo.InvariantCulture, "<li>{0}：{1:0.00} 元</li>", PurposeZh(u.Purpose), u.Amount)));
        var html = string.Format(CultureInfo.InvariantCulture,
            "<p>{0}{1}年共有党员 {2} 名，{3} 名党员交纳党费。</p><table><tbody><tr><th>上年结余</th><td>{4:0.00} 元</td></tr><tr><th>本年收缴</th><td>{5:0.00} 元</td></tr>" +
            "<tr><th>本年使用</th><td>{6:0.00} 元</td></tr><tr><th>年末结余</th><td>{7:0.00} 元</td></tr></tbody></table><p>党费使用明细：</p><ul>{8}</ul><p>党费按规定上缴和使用，接受党员监督。</p>",
            System.Net.WebUtility.HtmlEncode(org.Name), y, account.Members, account.Payers, account.OpeningBalance, account.Received, account.Used, account.Balance, uses);
        var noticeId = await notices.PublishAsync(community.Id, NoticeBoard.PartyAffairs, title, html, ct);
        return TypedResults.Ok(new DuesReport(orgId, y, account.Members, account.Payers, account.Received, noticeId, account.OpeningBalance, account.Used, account.Balance));
    }
}
