using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class StatsBreakdownTests(JiayuanApp app)
{
    [Fact]
    public async Task Breakdown_Shiyang2018_AddsUpToTheStatistics()
    {
        var b = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats/breakdown?scope=510107063&year=2018");
        var kinds = b.GetProperty("organizationsByKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal(141, kinds.Values.Sum());
        Assert.DoesNotContain("PartyGroup", kinds.Keys);
        Assert.Equal(1, kinds["WorkingCommittee"]);
        Assert.Equal(7, kinds["JointBranch"]);
        // Conversions elsewhere may move members between the two statuses; the total does not change.
        Assert.Equal(2995, b.GetProperty("fullMembers").GetInt32() + b.GetProperty("probationaryMembers").GetInt32());
        Assert.True(b.GetProperty("probationaryMembers").GetInt32() > 0);
        Assert.Equal(698, b.GetProperty("twoNewMembers").GetInt32());
        Assert.Equal(2995 - 698, b.GetProperty("otherMembers").GetInt32());
        var years = b.GetProperty("foundedByYear").EnumerateArray().ToList();
        Assert.Equal(2005, years[0].GetProperty("year").GetInt32());
        var last = years[^1];
        Assert.Equal(2018, last.GetProperty("year").GetInt32());
        Assert.Equal(27, last.GetProperty("founded").GetInt32());
        Assert.Equal(141, last.GetProperty("total").GetInt32());
        Assert.Equal(years.Sum(y => y.GetProperty("founded").GetInt32()), last.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Breakdown_EarlierYear_StopsThere_BadInputIsRefused()
    {
        var b = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats/breakdown?scope=510107063&year=2010");
        var last = b.GetProperty("foundedByYear").EnumerateArray().Last();
        Assert.Equal(2010, last.GetProperty("year").GetInt32());
        Assert.True(last.GetProperty("total").GetInt32() < 141);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/party/stats/breakdown?scope=999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().GetAsync("/api/v1/party/stats/breakdown?scope=510107063&year=0")).StatusCode);
    }

    [Fact]
    public async Task StatsPage_HasChartsWithATextAlternative_AndKeepsTheTable()
    {
        var html = await app.Anonymous().GetStringAsync("/party?scope=510107063&year=2018");
        Assert.Contains("<dd>141</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=", html, StringComparison.Ordinal);
        Assert.Contains("/lib/echarts/echarts.min.js", html, StringComparison.Ordinal);
        Assert.Contains("_content/Jiayuan.Party/party-charts.js", html, StringComparison.Ordinal);
        Assert.Contains("党组织类别", html, StringComparison.Ordinal);
        Assert.Contains("预备党员", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        // The coverage chart names the share of places with an organization: Party staff only.
        Assert.DoesNotContain("应建尽建", html, StringComparison.Ordinal);
        var staff = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var own = await staff.GetStringAsync($"/party?scope={Known.Fucheng}&year=2018");
        Assert.Contains("应建尽建", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyChartsScript_IsServed()
    {
        var js = await app.Anonymous().GetStringAsync("/_content/Jiayuan.Party/party-charts.js");
        Assert.Contains("echarts.init", js, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breakdown_IsCached_AndDroppedWhenAMemberIsConverted()
    {
        var today = Jiayuan.Core.Text.Dates.Today(app.Clock);
        // A probationer due for conversion outside 府城 (where another test converts).
        var (memberId, path) = await app.WithDbAsync(async db => await db.Set<PartyMember>()
            .Where(m => m.Status == MemberStatus.Probationary && m.ProbationEndsOn <= today && m.PlacePath.StartsWith("/510107063/00") && !m.PlacePath.StartsWith("/510107063/002"))
            .OrderBy(m => m.Id).Select(m => new ValueTuple<long, string>(m.Id, m.PlacePath)).FirstAsync());
        var community = path.Split('/')[2];
        var scope = "510107063" + community;
        var url = $"/api/v1/party/stats/breakdown?scope={scope}&year={today.Year}";
        var before = await app.Anonymous().GetFromJsonAsync<JsonElement>(url);

        // Cached: the same request again runs no query at all. Tests running in parallel change members too, which drops
        // the cache (the signal is process-wide), so a few tries are allowed; without a cache no try would run zero queries.
        var queries = new List<int>();
        for (var i = 0; i < 5 && !queries.Contains(0); i++)
        {
            var cached = await app.Anonymous().GetFromJsonAsync<JsonElement>(url);
            var count = CommandCounter.Start();
            Assert.Equal(cached.GetRawText(), (await app.Anonymous().GetFromJsonAsync<JsonElement>(url)).GetRawText());
            queries.Add(count());
        }
        Assert.Contains(0, queries);

        // A conversion through the application drops it.
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, scope));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsync($"/api/v1/party/members/{memberId}/convert", null)).StatusCode);
        var after = await app.Anonymous().GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(before.GetProperty("probationaryMembers").GetInt32() - 1, after.GetProperty("probationaryMembers").GetInt32());
        Assert.Equal(before.GetProperty("fullMembers").GetInt32() + 1, after.GetProperty("fullMembers").GetInt32());
    }
}
