using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core.Data;
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
using Microsoft.Extensions.Configuration;

namespace Jiayuan.Party.Features.Warnings;

/// <summary>
/// A member out of touch: months since the last dues payment and since the last meeting attended. At 3 months the
/// branch secretary is warned; at 6 months it escalates (a member 6 months without organizational life or dues is
/// treated as having left the Party, 党章第九条, after the branch meeting decides).
/// </summary>
public sealed record MemberWarning(long MemberId, string Name, long OrganizationId, int MonthsWithoutDues, int MonthsWithoutAttendance, string Level);

public static class MemberWarningsEndpoint
{
    public static RouteGroupBuilder MapMemberWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/party/members/warnings", async Task<Results<Ok<List<MemberWarning>>, NotFound, ForbidHttpResult>> (string? scope, IPlaceDirectory places,
                JiayuanDbContext db, IConfiguration configuration, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
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
                var (warnAt, escalateAt) = Thresholds(configuration);
                return TypedResults.Ok(await WarningsAsync(db, place.Path, warnAt, escalateAt, Dates.Today(clock), ct));
            })
            .RequireAuthorization().WithName("MemberWarnings")
            .WithSummary("Members without dues or organizational life for 3 months (warn) or 6 months (escalate), under a place.");
        return api;
    }

    /// <summary>Months out of touch that warn and that escalate (<c>Party:DuesWarnMonths</c>, <c>Party:DuesEscalateMonths</c>).</summary>
    public static (int WarnAt, int EscalateAt) Thresholds(IConfiguration configuration) =>
        (configuration.GetValue("Party:DuesWarnMonths", 3), configuration.GetValue("Party:DuesEscalateMonths", 6));

    /// <summary>Whole months from <paramref name="since"/> to <paramref name="today"/>.</summary>
    public static int MonthsSince(DateOnly since, DateOnly today)
    {
        var months = (today.Year - since.Year) * 12 + today.Month - since.Month;
        // AddMonths clamps to the month's end: from 31 May, six months are complete on 30 November.
        return since.AddMonths(months) > today ? months - 1 : months;
    }

    internal static async Task<List<MemberWarning>> WarningsAsync(JiayuanDbContext db, string placePath, int warnAt, int escalateAt, DateOnly today, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(placePath);
        var members = await db.Set<PartyMember>().AsNoTracking()
            .Where(m => m.PlacePath == placePath || (string.Compare(m.PlacePath, from) >= 0 && string.Compare(m.PlacePath, to) < 0))
            .Select(m => new { m.Id, m.RealName, m.OrganizationId, m.AdmittedOn }).ToListAsync(ct);
        var ids = members.Select(m => m.Id).ToList();
        // Last month paid and last meeting attended, one grouped query each.
        var lastPaid = await db.Set<DuesPayment>().AsNoTracking().Where(p => ids.Contains(p.MemberId))
            .GroupBy(p => p.MemberId).Select(g => new { g.Key, Last = g.Max(p => p.Month) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var lastAttended = await (from a in db.Set<MeetingAttendance>().AsNoTracking()
                                  join m in db.Set<BranchMeeting>().AsNoTracking() on a.MeetingId equals m.Id
                                  where ids.Contains(a.MemberId)
                                  group m by a.MemberId into g
                                  select new { g.Key, Last = g.Max(x => x.HeldOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var result = new List<MemberWarning>();
        foreach (var m in members)
        {
            // A month counts from the end of the month paid; attendance from the meeting day; never before admission.
            var paidThrough = lastPaid.TryGetValue(m.Id, out var month) ? month.AddMonths(1).AddDays(-1) : m.AdmittedOn;
            var attended = lastAttended.TryGetValue(m.Id, out var held) ? held : m.AdmittedOn;
            var noDues = Math.Max(0, MonthsSince(paidThrough > m.AdmittedOn ? paidThrough : m.AdmittedOn, today));
            var noLife = Math.Max(0, MonthsSince(attended > m.AdmittedOn ? attended : m.AdmittedOn, today));
            var worst = Math.Max(noDues, noLife);
            if (worst >= warnAt)
            {
                result.Add(new MemberWarning(m.Id, m.RealName, m.OrganizationId, noDues, noLife, worst >= escalateAt ? "escalate" : "warn"));
            }
        }
        return [.. result.OrderByDescending(w => Math.Max(w.MonthsWithoutDues, w.MonthsWithoutAttendance)).ThenBy(w => w.MemberId)];
    }
}
