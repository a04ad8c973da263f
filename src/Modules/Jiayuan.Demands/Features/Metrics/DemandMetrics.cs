using System.Globalization;
using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Jiayuan.Demands.Features.Metrics;

/// <summary>
/// One unit's (or place's) month. Rates are percentages with one decimal, null when there is nothing to divide by.
/// 响应率 = responded in time ÷ dispatched; 解决率 = rated resolved ÷ rated; 满意率 = (satisfied + weight × basically satisfied) ÷ rated;
/// on-time = closed by the deadline ÷ closed; reopen = reopened at least once ÷ dispatched; repeat = repeat demands ÷ dispatched.
/// </summary>
public sealed record MetricsRow(
    int Rank, string Key, string Name, int Dispatched, int RespondedInTime, int Rated, int Resolved, int Satisfied, int BasicallySatisfied,
    int Closed, int ClosedOnTime, int ClosedUnrated, int Reopened, int Repeats,
    decimal? ResponseRate, decimal? ResolutionRate, decimal? SatisfactionRate, decimal? OnTimeRate, decimal? ReopenRate, decimal? RepeatRate);

public sealed record MetricsReport(string Month, string By, string Scope, int BasicallySatisfiedWeightPercent, IReadOnlyList<MetricsRow> Rows);

public static class DemandMetricsEndpoints
{
    public static RouteGroupBuilder MapDemandMetrics(this RouteGroupBuilder api)
    {
        api.MapGet("/demands/metrics", async (string? month, string? scope, string? by, DemandMetrics metrics, IPlaceDirectory places, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (place, status) = await metrics.ResolveAsync(scope, user, ct);
                return place is null ? Results.StatusCode(status) : await metrics.ReportAsync(month, place, by, ct) is { } report ? Results.Ok(report) : Results.BadRequest();
            })
            .RequireAuthorization().WithName("DemandMetrics")
            .WithSummary("Monthly 响应率/解决率/满意率, on-time closure, reopen and repeat rates, ranked; by=unit (default) or by=place; month=yyyy-MM.");
        api.MapGet("/demands/metrics.xlsx", async (string? month, string? scope, string? by, DemandMetrics metrics, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (place, status) = await metrics.ResolveAsync(scope, user, ct);
                if (place is null)
                {
                    return Results.StatusCode(status);
                }
                if (await metrics.ReportAsync(month, place, by, ct) is not { } report)
                {
                    return Results.BadRequest();
                }
                var stream = new MemoryStream();
                await stream.SaveAsAsync(report.Rows.Select(r => new Dictionary<string, object?>
                {
                    ["排名"] = r.Rank, ["单位/地点"] = r.Name, ["派单"] = r.Dispatched, ["及时响应"] = r.RespondedInTime, ["响应率%"] = r.ResponseRate,
                    ["已评价"] = r.Rated, ["已解决"] = r.Resolved, ["解决率%"] = r.ResolutionRate, ["满意"] = r.Satisfied, ["基本满意"] = r.BasicallySatisfied,
                    ["满意率%"] = r.SatisfactionRate, ["办结"] = r.Closed, ["按时办结"] = r.ClosedOnTime, ["按时办结率%"] = r.OnTimeRate,
                    ["未评价办结"] = r.ClosedUnrated, ["重办"] = r.Reopened, ["重办率%"] = r.ReopenRate, ["重复诉求"] = r.Repeats, ["重复率%"] = r.RepeatRate,
                }), sheetName: report.Month, cancellationToken: ct);
                stream.Position = 0;
                return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"demands-{report.Month}-{report.By}.xlsx");
            })
            .RequireAuthorization().WithName("ExportDemandMetrics").WithSummary("The same ranking as an Excel workbook.");
        return api;
    }
}

internal sealed class DemandMetrics(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IOptions<DemandOptions> options)
{
    public async Task<(PlaceSummary? Place, int Status)> ResolveAsync(string? scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var place = await places.ScopeAsync(scope, ct);
        if (place is null)
        {
            return (null, 404);
        }
        // A community worker asking for the whole subdistrict gets their community instead of a refusal.
        if (!user.Covers(place.Path, DemandAccess.Dispatchers))
        {
            var roots = user.Roots(DemandAccess.Dispatchers).Where(r => Scope.IsWithin(r, place.Path)).ToList();
            if (roots.Count != 1 || await places.FindByPathAsync(roots[0], ct) is not { } own)
            {
                return (null, 403);
            }
            place = own;
        }
        return (place, 200);
    }

    public async Task<MetricsReport?> ReportAsync(string? month, PlaceSummary scope, string? by, CancellationToken ct)
    {
        int yyyymm;
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = Dates.Today(clock);
            yyyymm = today.Year * 100 + today.Month;
        }
        else if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            yyyymm = m.Year * 100 + m.Month;
        }
        else
        {
            return null;
        }
        var byPlace = string.Equals(by, "place", StringComparison.OrdinalIgnoreCase);
        var query = db.Set<Demand>().AsNoTracking().Where(d => d.Month == yyyymm && d.DispatchedAt != null).InCommunitiesUnder(scope.Path);
        var grouped = byPlace ? query.GroupBy(d => d.CommunityPath) : query.GroupBy(d => d.HandlerPath ?? "");
        var raw = await grouped.Select(g => new
        {
            g.Key,
            Dispatched = g.Count(),
            Responded = g.Count(d => d.RespondedInTime),
            Rated = g.Count(d => d.Satisfaction != null),
            Resolved = g.Count(d => d.Resolved == true),
            Satisfied = g.Count(d => d.Satisfaction == Satisfaction.Satisfied),
            Basic = g.Count(d => d.Satisfaction == Satisfaction.BasicallySatisfied),
            Closed = g.Count(d => d.Status == DemandStatus.Closed),
            OnTime = g.Count(d => d.Status == DemandStatus.Closed && d.ClosedOnTime),
            Unrated = g.Count(d => d.Status == DemandStatus.Closed && d.Satisfaction == null),
            Reopened = g.Count(d => d.ReopenCount > 0),
            Repeats = g.Count(d => d.IsRepeat),
        }).ToListAsync(ct);
        var weight = options.Value.BasicallySatisfiedWeightPercent;
        var rows = new List<MetricsRow>();
        foreach (var r in raw)
        {
            var name = (await places.FindByPathAsync(r.Key, ct))?.Name ?? r.Key;
            rows.Add(new MetricsRow(0, r.Key, name, r.Dispatched, r.Responded, r.Rated, r.Resolved, r.Satisfied, r.Basic, r.Closed, r.OnTime, r.Unrated, r.Reopened, r.Repeats,
                Rate(r.Responded * 100L, r.Dispatched), Rate(r.Resolved * 100L, r.Rated), Rate(r.Satisfied * 100L + r.Basic * (long)weight, r.Rated),
                Rate(r.OnTime * 100L, r.Closed), Rate(r.Reopened * 100L, r.Dispatched), Rate(r.Repeats * 100L, r.Dispatched)));
        }
        var ranked = rows.OrderByDescending(r => r.SatisfactionRate ?? -1).ThenByDescending(r => r.ResolutionRate ?? -1).ThenByDescending(r => r.ResponseRate ?? -1)
            .ThenBy(r => r.Name, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 }).ToList();
        return new MetricsReport($"{yyyymm / 100:D4}-{yyyymm % 100:D2}", byPlace ? "place" : "unit", scope.Code, weight, ranked);
    }

    /// <summary>numerator (already ×100) ÷ denominator, rounded half away from zero to one decimal; null when the denominator is 0.</summary>
    internal static decimal? Rate(long numeratorTimes100, int denominator) =>
        denominator == 0 ? null : Math.Round((decimal)numeratorTimes100 / denominator, 1, MidpointRounding.AwayFromZero);
}
