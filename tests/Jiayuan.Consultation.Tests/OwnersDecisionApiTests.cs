using System.Text.Json;
using Jiayuan.Core.Identity;

namespace Jiayuan.Consultation.Tests;

public class EvaluateEndpointTests(JiayuanApp app)
{
    private const string Url = "/api/v1/consultation/owners-decisions/evaluate";

    [Fact]
    public async Task Evaluate_ExactlyHalf_FailsWithReasonInChinese()
    {
        var response = await app.Anonymous().PostAsJsonAsync(Url, new
        {
            matter = 4, totalArea = "300.00", totalOwners = 3, participatingArea = "200.00", participatingOwners = 2, yesArea = "100.00", yesOwners = 1,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("major").GetBoolean());
        Assert.True(body.GetProperty("participationMet").GetBoolean());
        Assert.False(body.GetProperty("approved").GetBoolean());
        var reasons = body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("100.00", StringComparison.Ordinal) && r.Contains("200.00", StringComparison.Ordinal) && r.Contains("过半数", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_Major_ExactlyThreeQuarters_Approved_InEnglish()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync(Url, new
        {
            matter = 8, totalArea = 400, totalOwners = 4, participatingArea = "400.00", participatingOwners = 4, yesArea = "300", yesOwners = 3,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("major").GetBoolean());
        Assert.True(body.GetProperty("approved").GetBoolean());
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("three quarters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_BadInput_FieldErrors()
    {
        var response = await app.Anonymous().PostAsJsonAsync(Url, new
        {
            matter = 10, totalArea = "100.00", totalOwners = 3, participatingArea = "120.00", participatingOwners = 4, yesArea = "1.234", yesOwners = 5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "matter", "participatingArea", "participatingOwners", "yesArea", "yesOwners" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " " + errors);
        }
        Assert.Contains("两位小数", errors.GetProperty("yesArea")[0].GetString(), StringComparison.Ordinal);

        var missing = await app.Anonymous().PostAsJsonAsync(Url, new { matter = 1 });
        var missingErrors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(missingErrors.TryGetProperty("totalArea", out _));
        Assert.True(missingErrors.TryGetProperty("yesOwners", out _));
    }
}

public class OwnersDecisionTests(JiayuanApp app)
{
    private sealed record Compound(HttpClient Staff, string Code);

    /// <summary>A fresh courtyard of 新园 (so tests do not share a roster), with its worker's client.</summary>
    private async Task<Compound> CompoundAsync()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var response = await staff.PostAsJsonAsync("/api/v1/places", new { parentId = xinyuan, name = "测试院落" + Guid.NewGuid().ToString("N")[..6], kind = "Courtyard" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new Compound(staff, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
    }

    private static async Task<long> OwnerAsync(Compound c, string name, long? userId = null)
    {
        var response = await c.Staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{c.Code}/owners", new { name, userId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task UnitAsync(Compound c, string label, string area, long? ownerId, bool unsold = false)
    {
        var response = await c.Staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{c.Code}/units", new { label, area, ownerId, unsold });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<long> DecisionAsync(Compound c, int matter)
    {
        var response = await c.Staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{c.Code}/owners-decisions", new { matter, title = "测试表决 " + matter });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> PaperAsync(Compound c, long decision, long ownerId, string choice, string number) =>
        c.Staff.PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/paper-ballots", new { ownerId, choice, ballotNumber = number });

    private async Task<JsonElement> TallyAsync(long decision) =>
        await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/owners-decisions/{decision}");

    private async Task<long> UserIdAsync(string login) =>
        await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users.Where(u => u.UserName == login).Select(u => u.Id)));

    [Fact]
    public async Task Roster_OneOwnerOfManyUnits_CountsOnce_AllAreaCounts_UnsoldIsOneOwner()
    {
        var c = await CompoundAsync();
        var wang = await OwnerAsync(c, "王大户");
        var li = await OwnerAsync(c, "李小户");
        await UnitAsync(c, "1栋101", "150.00", wang);
        await UnitAsync(c, "1栋102", "150.00", wang);
        await UnitAsync(c, "1栋201", "150.00", wang);
        await UnitAsync(c, "1栋202", "50.50", li);
        await UnitAsync(c, "2栋101", "80.00", null, unsold: true);
        await UnitAsync(c, "2栋102", "69.50", null, unsold: true);

        var roster = await c.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/compounds/{c.Code}/roster");
        Assert.Equal("650.00", roster.GetProperty("totalArea").GetString());
        Assert.Equal(3, roster.GetProperty("totalOwners").GetInt32()); // 王 (3 units), 李, the developer (2 unsold units)
        Assert.Equal(6, roster.GetProperty("units").GetInt32());
        var owners = roster.GetProperty("owners").EnumerateArray().ToList();
        Assert.Contains(owners, o => o.GetProperty("name").GetString() == "王**" && o.GetProperty("area").GetString() == "450.00");

        // 王 alone: 450.00 of 650.00 m² (≥ 433.34, two thirds) but 1 of 3 owners: participation fails by number, not by area.
        var decision = await DecisionAsync(c, 5);
        Assert.Equal(HttpStatusCode.Created, (await PaperAsync(c, decision, wang, "Yes", "P-001")).StatusCode);
        var tally = await TallyAsync(decision);
        Assert.Equal("450.00", tally.GetProperty("participating").GetProperty("area").GetString());
        Assert.Equal(1, tally.GetProperty("participating").GetProperty("owners").GetInt32());
        Assert.False(tally.GetProperty("participationMet").GetBoolean());
        var reasons = tally.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("业主人数", StringComparison.Ordinal) && r.Contains("未达到", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("专有部分面积", StringComparison.Ordinal) && r.Contains("参与表决", StringComparison.Ordinal) && r.Contains("未达到", StringComparison.Ordinal));

        // 李 votes no: 500.50 m² and 2 of 3 owners take part; 450.00 of 500.50 m² agree but only 1 of 2 owners (exactly half) → fails by number.
        Assert.Equal(HttpStatusCode.Created, (await PaperAsync(c, decision, li, "No", "P-002")).StatusCode);
        tally = await TallyAsync(decision);
        Assert.True(tally.GetProperty("participationMet").GetBoolean());
        Assert.False(tally.GetProperty("approved").GetBoolean());
        Assert.Contains(tally.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("同意的业主人数未达到：参与表决的 2 名业主中仅 1 名同意", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Major_Matter6_ExactlyThreeQuartersOnline_Approved_Matter5Figures()
    {
        var c = await CompoundAsync();
        var logins = new List<string>();
        var owners = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
            logins.Add(login);
            var owner = await OwnerAsync(c, "业主" + i, await UserIdAsync(login));
            owners.Add(owner);
            await UnitAsync(c, $"3栋{i + 1}01", "100.00", owner);
        }
        var decision = await DecisionAsync(c, 6);
        for (var i = 0; i < 4; i++)
        {
            var client = await app.LoginAsync(logins[i]);
            var response = await client.PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/ballots", new { choice = i < 3 ? "Yes" : "No" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var tally = await TallyAsync(decision);
        Assert.True(tally.GetProperty("decision").GetProperty("major").GetBoolean());
        Assert.True(tally.GetProperty("approved").GetBoolean()); // 300.00 of 400.00 m², 3 of 4 owners: exactly 3/4
        Assert.Equal(4, tally.GetProperty("onlineBallots").GetInt32());
    }

    [Fact]
    public async Task PaperBallots_DoubleEntry_IsRefused_ByNumberAndByOwner_AndOnlineAfterPaper()
    {
        var c = await CompoundAsync();
        var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
        var a = await OwnerAsync(c, "赵一", await UserIdAsync(login));
        var b = await OwnerAsync(c, "钱二");
        await UnitAsync(c, "5栋101", "90.00", a);
        await UnitAsync(c, "5栋102", "90.00", b);
        var decision = await DecisionAsync(c, 1);

        Assert.Equal(HttpStatusCode.Created, (await PaperAsync(c, decision, a, "Yes", "No.0001")).StatusCode);
        var sameNumber = await PaperAsync(c, decision, b, "Yes", "No.0001");
        Assert.Equal(HttpStatusCode.Conflict, sameNumber.StatusCode);
        Assert.Contains("No.0001", await sameNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sameOwner = await PaperAsync(c, decision, a, "No", "No.0002");
        Assert.Equal(HttpStatusCode.Conflict, sameOwner.StatusCode);
        var online = await (await app.LoginAsync(login)).PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/ballots", new { choice = "No" });
        Assert.Equal(HttpStatusCode.Conflict, online.StatusCode);

        var bad = await PaperAsync(c, decision, 999_999, "Maybe", "");
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ownerId", out _) && errors.TryGetProperty("choice", out _) && errors.TryGetProperty("ballotNumber", out _));

        var tally = await TallyAsync(decision);
        Assert.Equal(1, tally.GetProperty("paperBallots").GetInt32());
        Assert.Equal(1, tally.GetProperty("yes").GetProperty("owners").GetInt32());
    }

    [Fact]
    public async Task OnlineBallot_ConcurrentClicks_CountOnce()
    {
        var c = await CompoundAsync();
        var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
        var owner = await OwnerAsync(c, "孙三", await UserIdAsync(login));
        await UnitAsync(c, "6栋101", "88.88", owner);
        var decision = await DecisionAsync(c, 2);
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.LoginAsync(login)));
        var responses = await Task.WhenAll(clients.Select((client, i) =>
            client.PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/ballots", new { choice = i % 2 == 0 ? "Yes" : "No" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var count = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Jiayuan.Consultation.Domain.OwnerBallot>().Where(b => b.DecisionId == decision)));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Ballots_NotAnOwner_Forbidden_OtherCommunityStaff_Forbidden_ClosedRefused()
    {
        var c = await CompoundAsync();
        var owner = await OwnerAsync(c, "周四");
        await UnitAsync(c, "7栋101", "70.00", owner);
        var decision = await DecisionAsync(c, 3);
        var stranger = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/ballots", new { choice = "Yes" })).StatusCode);
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync($"/api/v1/consultation/owners-decisions/{decision}/paper-ballots", new { ownerId = owner, choice = "Yes", ballotNumber = "X1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.GetAsync($"/api/v1/consultation/compounds/{c.Code}/roster")).StatusCode);

        var response = await c.Staff.PostAsJsonAsync($"/api/v1/consultation/compounds/{c.Code}/owners-decisions",
            new { matter = 9, title = "已结束", opensAt = app.Clock.GetUtcNow().AddDays(-1), closesAt = app.Clock.GetUtcNow().AddMinutes(1) });
        var closing = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await PaperAsync(c, closing, owner, "Yes", "L-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
    }

    [Fact]
    public async Task DemoDecision_PageShowsTally_JuminVotesOnline_StaffSeePaperForm()
    {
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/consultation/compounds/510107063003-01/owners-decisions");
        var id = list.EnumerateArray().Single(d => d.GetProperty("title").GetString() == "使用专项维修资金更换2栋电梯").GetProperty("id").GetInt64();
        var tally = await TallyAsync(id);
        Assert.Equal(22, tally.GetProperty("total").GetProperty("owners").GetInt32()); // 21 people + the developer
        Assert.Equal(10, tally.GetProperty("participating").GetProperty("owners").GetInt32());

        var page = await app.Anonymous().GetStringAsync($"/owners-decisions/{id}");
        Assert.Contains("使用专项维修资金更换2栋电梯", page, StringComparison.Ordinal);
        Assert.Contains("未达到", page, StringComparison.Ordinal);
        var staffPage = await (await app.LoginAsync(Known.XinyuanWorker)).GetStringAsync($"/owners-decisions/{id}");
        Assert.Contains("enter-paper", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommunityHome_ListsItsCourtyardsNewestDecisions()
    {
        // Other tests add decisions to 新园 as well, so this one looks for the decision it has just opened (newest first).
        var fresh = await DecisionAsync(await CompoundAsync(), 4);
        var home = await app.Anonymous().GetStringAsync($"/c/{Known.Xinyuan}");
        Assert.Contains($"/owners-decisions/{fresh}", home, StringComparison.Ordinal);
        var other = await app.Anonymous().GetStringAsync($"/c/{Known.Fucheng}");
        Assert.DoesNotContain($"/owners-decisions/{fresh}", other, StringComparison.Ordinal);
    }
}
