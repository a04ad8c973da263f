using System.Security.Claims;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Domain;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Excel = MiniExcelLibs.MiniExcel;

namespace Jiayuan.Alerts.Features.Review;

/// <summary>Alerts of one kind or one area: how many, and how fast help came (medians, in seconds).</summary>
public sealed record AlertStatsRow(string Key, int Alerts, int Acknowledged, double? MedianSecondsToAck, double? MedianSecondsToOnScene);

/// <summary>Who raises the most alerts in the scope (abuse is visible): masked name, user id (for blocking), count.</summary>
public sealed record RaiserRow(long UserId, string Name, int Alerts, bool Blocked);

public sealed record AlertStats(string ScopeName, int Alerts, int Open, double? MedianSecondsToAck, double? MedianSecondsToOnScene,
    IReadOnlyList<AlertStatsRow> ByKind, IReadOnlyList<AlertStatsRow> ByArea, IReadOnlyList<RaiserRow> TopRaisers);

/// <summary>Incident review: the timeline of one alert as .xlsx, and statistics of a scope (time to first acknowledgement / on scene).</summary>
public static class ReviewAlerts
{
    public static RouteGroupBuilder MapReviewAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts/{id:long}/timeline.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (long id, AlertEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (await engine.DetailAsync(id, user, ct) is not { } d)
                {
                    return TypedResults.NotFound();
                }
                var rows = d.Timeline.Select(e => new Dictionary<string, object?>
                {
                    ["警情编号"] = d.Alert.Id, ["事件编号"] = e.EventId, ["时间"] = e.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["事件"] = e.Type.ToString(), ["响应人"] = e.ResponderName, ["单位"] = e.Unit, ["预计到达(分钟)"] = e.EtaMinutes, ["说明"] = e.Note, ["级别"] = e.Level,
                }).ToList();
                rows.Insert(0, new Dictionary<string, object?>
                {
                    ["警情编号"] = d.Alert.Id, ["事件编号"] = null, ["时间"] = d.Alert.RaisedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["事件"] = d.Alert.Kind.ToString(), ["响应人"] = d.Alert.RaisedBy, ["单位"] = d.Alert.PlaceName, ["预计到达(分钟)"] = null, ["说明"] = d.Alert.Text, ["级别"] = null,
                });
                using var buffer = new MemoryStream();
                await Excel.SaveAsAsync(buffer, rows, cancellationToken: ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"警情-{id}.xlsx");
            })
            .RequireAuthorization().WithName("ExportAlertTimeline").WithSummary("The timeline of one alert as .xlsx.");
        api.MapGet("/alerts/stats", async Task<Results<Ok<AlertStats>, NotFound, ForbidHttpResult>> (string? scope, AlertStatistics stats, IPlaceDirectory places,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                return user.Covers(place.Path, AlertEngine.Staff) ? TypedResults.Ok(await stats.ForAsync(place, ct)) : TypedResults.Forbid();
            })
            .RequireAuthorization().WithName("AlertStats").WithSummary("Alerts per kind and area, median time to first acknowledgement and to first on scene.");
        return api;
    }
}

internal sealed class AlertStatistics(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places)
{
    public async Task<AlertStats> ForAsync(PlaceSummary place, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = TreePath.Descendants(place.Path);
        var rows = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.PlacePath == place.Path || (string.Compare(a.PlacePath, from) >= 0 && string.Compare(a.PlacePath, to) < 0))
            .OrderByDescending(a => a.Id).Take(50_000)
            .Select(a => new { a.Kind, a.PlacePath, a.State, a.RaisedAt, a.FirstAckAt, a.FirstOnSceneAt, a.RaisedById, a.RaisedByName }).ToListAsync(ct);
        var top = rows.GroupBy(r => r.RaisedById).OrderByDescending(g => g.Count()).Take(10)
            .Select(g => (UserId: g.Key, Name: g.First().RaisedByName, Count: g.Count())).ToList();
        var topIds = top.Select(t => t.UserId).ToList();
        var blocked = await db.Set<RaiserBlock>().Where(b => topIds.Contains(b.UserId)).Select(b => b.UserId).ToListAsync(ct);
        var communities = await places.CommunitiesAsync(ct);
        var areaOf = (string path) => communities.FirstOrDefault(c => Scope.IsWithin(path, c.Path))?.Name ?? place.Name;
        static double? Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var items = rows.Select(r => (r.Kind, Area: areaOf(r.PlacePath), r.State,
            Ack: r.FirstAckAt is { } ack ? (ack - r.RaisedAt).TotalSeconds : (double?)null,
            Scene: r.FirstOnSceneAt is { } scene ? (scene - r.RaisedAt).TotalSeconds : (double?)null)).ToList();
        AlertStatsRow ToRow(string key, IReadOnlyCollection<(AlertKind Kind, string Area, AlertState State, double? Ack, double? Scene)> g) =>
            new(key, g.Count, g.Count(x => x.Ack != null), Median(g.Where(x => x.Ack != null).Select(x => x.Ack!.Value)),
                Median(g.Where(x => x.Scene != null).Select(x => x.Scene!.Value)));
        return new AlertStats(place.Name, items.Count, items.Count(x => x.State == AlertState.Open),
            Median(items.Where(x => x.Ack != null).Select(x => x.Ack!.Value)), Median(items.Where(x => x.Scene != null).Select(x => x.Scene!.Value)),
            [.. items.GroupBy(x => x.Kind).OrderByDescending(g => g.Count()).Select(g => ToRow(g.Key.ToString(), [.. g]))],
            [.. items.GroupBy(x => x.Area).OrderByDescending(g => g.Count()).Select(g => ToRow(g.Key, [.. g]))],
            [.. top.Select(t => new RaiserRow(t.UserId, t.Name, t.Count, blocked.Contains(t.UserId)))]);
    }
}
