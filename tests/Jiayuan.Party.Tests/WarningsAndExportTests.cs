using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Features.Warnings;
using Excel = MiniExcelLibs.MiniExcel;

namespace Jiayuan.Party.Tests;

public class WarningsAndExportTests(JiayuanApp app)
{
    [Theory]
    [InlineData("2026-08-28", "2026-11-28", 3)]
    [InlineData("2026-08-29", "2026-11-28", 2)]
    [InlineData("2026-05-31", "2026-11-30", 6)]
    public void MonthsSince_CountsWholeMonths(string since, string today, int expected) =>
        Assert.Equal(expected, MemberWarningsEndpoint.MonthsSince(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task WarningsPage_ListsTheSameMembers_LinkedToTheirPages_ResidentsGet403()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var warnings = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/members/warnings?scope={Known.Fucheng}")).EnumerateArray().ToList();
        var page = await secretary.GetStringAsync($"/party/warnings?scope={Known.Fucheng}");
        Assert.Contains("失联预警", page, StringComparison.Ordinal);
        Assert.Equal(warnings.Count, System.Text.RegularExpressions.Regex.Count(page, "href=\"/party/members/\\d+\""));
        Assert.All(warnings, w => Assert.Contains($"href=\"/party/members/{w.GetProperty("memberId").GetInt64()}\"", page, StringComparison.Ordinal));
        Assert.Equal(warnings.Count(w => w.GetProperty("level").GetString() == "escalate"), System.Text.RegularExpressions.Regex.Count(page, "需要处理</span>"));
        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/party/warnings?scope={Known.Fucheng}")).StatusCode);
    }

    [Fact]
    public async Task Warnings_ListMembersBehindOnDuesOrLife_AttendeesAreNotWarnedForLife()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var warnings = (await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/members/warnings?scope={Known.Fucheng}")).EnumerateArray().ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.True(Math.Max(w.GetProperty("monthsWithoutDues").GetInt32(), w.GetProperty("monthsWithoutAttendance").GetInt32()) >= 3));
        Assert.Contains(warnings, w => w.GetProperty("level").GetString() == "escalate");
        // Members of the 府城 courtyard branches who attended this year's meetings are not flagged for organizational life.
        var attendedRecently = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<Domain.MeetingAttendance>().Select(a => a.MemberId).Distinct()));
        Assert.DoesNotContain(warnings, w => attendedRecently.Contains(w.GetProperty("memberId").GetInt64()) && w.GetProperty("monthsWithoutAttendance").GetInt32() >= 3);
        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/party/members/warnings?scope={Known.Fucheng}")).StatusCode);
    }

    [Fact]
    public async Task StatsExport_HasTheSubdistrictAndEachCommunity()
    {
        var bytes = await app.Anonymous().GetByteArrayAsync("/api/v1/party/stats.xlsx?scope=510107063&year=2018");
        using var ms = new MemoryStream(bytes);
        var rows = Excel.Query(ms, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(7, rows.Count);
        Assert.Equal("石羊街道", rows[0]["范围"]);
        Assert.Equal(141d, Convert.ToDouble(rows[0]["党组织"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2995d, Convert.ToDouble(rows[0]["党员"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
