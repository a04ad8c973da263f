using System.Text.Json;

namespace Jiayuan.Party.Tests;

public class StatisticsTests(JiayuanApp app)
{
    [Fact]
    public async Task Stats_Shiyang2018_MatchTheArticleExactly()
    {
        var s = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063&year=2018");
        Assert.Equal(141, s.GetProperty("organizations").GetInt32());
        Assert.Equal(61, s.GetProperty("twoNewOrganizations").GetInt32());
        Assert.Equal(2995, s.GetProperty("members").GetInt32());
        Assert.Equal(698, s.GetProperty("twoNewMembers").GetInt32());
        Assert.Equal(61, s.GetProperty("courtyardBranches").GetInt32());
        Assert.Equal(133, s.GetProperty("partyGroups").GetInt32());
        var n = s.GetProperty("newOrganizations");
        Assert.Equal(27, n.GetProperty("total").GetInt32());
        Assert.Equal(7, n.GetProperty("nonPublicEnterprise").GetInt32());
        Assert.Equal(2, n.GetProperty("socialOrganization").GetInt32());
        Assert.Equal(18, n.GetProperty("courtyardBranch").GetInt32());
    }

    [Fact]
    public async Task Stats_CommunitiesAddUpWithinTheSubdistrict()
    {
        var client = app.Anonymous();
        var total = await client.GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063&year=2018");
        var sum = 0;
        foreach (var code in new[] { "001", "002", "003", "004", "005", "006" })
        {
            var c = await client.GetFromJsonAsync<JsonElement>($"/api/v1/party/stats?scope=510107063{code}&year=2018");
            Assert.True(c.GetProperty("courtyardBranches").GetInt32() > 0);
            sum += c.GetProperty("courtyardBranches").GetInt32();
        }
        Assert.Equal(total.GetProperty("courtyardBranches").GetInt32(), sum);
    }

    [Fact]
    public async Task Stats_OtherYear_CountsNoNewOrganizations_UnknownScopeIs404()
    {
        var s = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063&year=2005");
        Assert.Equal(1, s.GetProperty("newOrganizations").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/party/stats?scope=999")).StatusCode);
    }

    [Fact]
    public async Task StatsPage_ShowsTheFiguresInChinese()
    {
        var html = await app.Anonymous().GetStringAsync("/party?scope=510107063&year=2018");
        Assert.Contains("党组织", html, StringComparison.Ordinal);
        Assert.Contains("<dd>141</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>2995</dd>", html, StringComparison.Ordinal);
    }
}

public class StatisticsInputTests(JiayuanApp app)
{
    [Theory]
    [InlineData("/api/v1/party/stats?scope=510107063&year=0")]
    [InlineData("/api/v1/party/stats?scope=510107063&year=99999")]
    [InlineData("/api/v1/party/stats.xlsx?scope=510107063&year=1800")]
    public async Task Stats_OutOfRangeYear_IsAFieldError(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").TryGetProperty("year", out _));
    }
}
