using Jiayuan.Core.Caching;
using Jiayuan.Core.Data;
using Jiayuan.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Jiayuan.Demands.Domain;

/// <summary>
/// The Chinese statutory calendar: Monday–Friday are working days except holidays, and some weekend days are make-up
/// working days (调休). The yearly table ships with the product (<see cref="Shipped"/>); an admin edits a year, and from
/// then on that year's rows in the database replace the shipped ones.
/// </summary>
internal sealed class WorkCalendar(IDbContextFactory<JiayuanDbContext> factory, IMemoryCache cache)
{
    // Kept until an edit (on any instance: the signal travels through Redis) or for 5 minutes.
    private static readonly CacheSignal Signal = new("demands:calendar");

    /// <summary>The State Council's holiday arrangements (国务院办公厅 notices) for the years shipped.</summary>
    public static readonly IReadOnlyList<CalendarDay> Shipped = Build(
        // 2025 (国办发明电〔2024〕12号)
        ("2025-01-01", "2025-01-01", "元旦"), ("2025-01-28", "2025-02-04", "春节"), ("2025-04-04", "2025-04-06", "清明节"),
        ("2025-05-01", "2025-05-05", "劳动节"), ("2025-05-31", "2025-06-02", "端午节"), ("2025-10-01", "2025-10-08", "国庆节、中秋节"),
        ("+2025-01-26", null, "春节调休"), ("+2025-02-08", null, "春节调休"), ("+2025-04-27", null, "劳动节调休"),
        ("+2025-09-28", null, "国庆节调休"), ("+2025-10-11", null, "国庆节调休"),
        // 2026 (国办发明电〔2025〕号 — check against the published notice when it changes)
        ("2026-01-01", "2026-01-03", "元旦"), ("2026-02-15", "2026-02-23", "春节"), ("2026-04-04", "2026-04-06", "清明节"),
        ("2026-05-01", "2026-05-05", "劳动节"), ("2026-06-19", "2026-06-21", "端午节"), ("2026-09-25", "2026-09-27", "中秋节"),
        ("2026-10-01", "2026-10-07", "国庆节"),
        ("+2026-01-04", null, "元旦调休"), ("+2026-02-14", null, "春节调休"), ("+2026-02-28", null, "春节调休"),
        ("+2026-05-09", null, "劳动节调休"), ("+2026-09-20", null, "国庆节调休"), ("+2026-10-10", null, "国庆节调休"));

    private static List<CalendarDay> Build(params (string From, string? To, string Name)[] entries)
    {
        var days = new List<CalendarDay>();
        foreach (var (from, to, name) in entries)
        {
            if (from.StartsWith('+'))
            {
                days.Add(new CalendarDay { Date = DateOnly.Parse(from[1..], System.Globalization.CultureInfo.InvariantCulture), Workday = true, Name = name });
                continue;
            }
            var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
            var end = DateOnly.Parse(to!, System.Globalization.CultureInfo.InvariantCulture);
            for (var d = start; d <= end; d = d.AddDays(1))
            {
                days.Add(new CalendarDay { Date = d, Workday = false, Name = name });
            }
        }
        return days;
    }

    public void Invalidate() => Signal.Invalidate();

    public async Task<Dictionary<DateOnly, CalendarDay>> DaysAsync(CancellationToken ct) =>
        (await Signal.GetOrLoadAsync(cache, "demands:calendar", TimeSpan.FromMinutes(5), async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var stored = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct);
            var editedYears = stored.Select(d => d.Date.Year).ToHashSet();
            return Shipped.Where(d => !editedYears.Contains(d.Date.Year)).Concat(stored).ToDictionary(d => d.Date);
        }))!;

    public static bool IsWorkday(IReadOnlyDictionary<DateOnly, CalendarDay> days, DateOnly date) =>
        days.TryGetValue(date, out var special) ? special.Workday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The end (24:00 China time) of the <paramref name="workingDays"/>-th working day after the day of <paramref name="start"/>
    /// ("within 3 working days"): holidays are skipped and make-up working weekend days count.
    /// </summary>
    public static DateTimeOffset AddWorkingDays(IReadOnlyDictionary<DateOnly, CalendarDay> days, DateTimeOffset start, int workingDays)
    {
        var local = Dates.ToChina(start);
        var date = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkday(days, date))
            {
                counted++;
            }
        }
        var end = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(end, TimeSpan.FromHours(8)).ToUniversalTime();
    }

    /// <summary>Working days from <paramref name="from"/> to <paramref name="to"/> (whole days after the first, up to and including the last).</summary>
    public static int WorkingDaysBetween(IReadOnlyDictionary<DateOnly, CalendarDay> days, DateTimeOffset from, DateTimeOffset to)
    {
        var a = DateOnly.FromDateTime(Dates.ToChina(from).DateTime);
        var b = DateOnly.FromDateTime(Dates.ToChina(to).DateTime);
        var n = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
        {
            if (IsWorkday(days, d))
            {
                n++;
            }
        }
        return n;
    }
}
