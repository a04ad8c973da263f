using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Consultation.Tests;

/// <summary>The fund's phases move with the clock, so these tests run on an app (and clock) of their own.</summary>
public sealed class FundAppFixture : JiayuanApp;

public class FundTests(FundAppFixture app) : IClassFixture<FundAppFixture>
{
    [Fact]
    public async Task FiveSteps_NegativeList_HearingRules_60Percent_WithinAmount_Disclosed()
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var now = app.Clock.GetUtcNow();
        object Dates(int hearingDays) => new
        {
            placeId = xinyuan, year = 2031, amount = "100000.00", proposalsUntil = now.AddDays(2), hearingAt = now.AddDays(hearingDays), decisionBy = now.AddDays(20),
            implementationUntil = now.AddDays(200), acceptanceBy = now.AddDays(230),
        };
        // The hearing is announced at least a week ahead.
        var early = await staff.PostAsJsonAsync("/api/v1/consultation/funds", Dates(6));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("7", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("hearingAt")[0].GetString(), StringComparison.Ordinal);
        var created = await staff.PostAsJsonAsync("/api/v1/consultation/funds", Dates(8));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fund = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = fund.GetProperty("id").GetInt64();
        Assert.Equal("Proposals", fund.GetProperty("phase").GetString());

        // Residents propose; the negative list refuses private costs, naming the rule.
        var residentLogin = await ResidentOfAsync(Known.Xinyuan);
        var resident = await app.LoginAsync(residentLogin);
        var privateCost = await resident.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/projects", new { title = "代缴物业费", category = "ServingTheMasses", budget = "5000", costType = "PrivateCost" });
        Assert.Equal(HttpStatusCode.BadRequest, privateCost.StatusCode);
        Assert.Contains("负面清单", (await privateCost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("costType")[0].GetString(), StringComparison.Ordinal);
        var ids = new List<long>();
        foreach (var (title, budget) in new[] { ("院落绿化", "60000.00"), ("老年食堂", "30000.00"), ("儿童之家", "50000.00") })
        {
            var r = await resident.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/projects", new { title, category = "CourtyardEnvironment", budget, costType = "PublicCommunity" });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        // Steps out of their phase are refused with the phase named.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/slate", new { projectIds = ids })).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(3)); // proposals closed: the Party organization proposes the slate
        (staff, resident) = (await app.LoginAsync(Known.XinyuanWorker), await app.LoginAsync(residentLogin)); // tokens expire with the clock
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await resident.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/projects",
            new { title = "迟到", category = "Volunteering", budget = "1", costType = "PublicCommunity" })).StatusCode);
        // The slate is proposed on the staff page (the same service as the API).
        var page = await staff.GetStringAsync($"/staff/consultation/funds/{id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", "fund-step") };
        fields.AddRange(ids.Select(p => new KeyValuePair<string, string>("Model.ProjectIds", p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var posted = await staff.PostAsync($"/staff/consultation/funds/{id}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("已保存", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var slated = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/funds/{id}");
        Assert.All(slated.GetProperty("projects").EnumerateArray().Where(p => ids.Contains(p.GetProperty("id").GetInt64())), p => Assert.Equal("OnSlate", p.GetProperty("status").GetString()));

        app.Clock.Advance(TimeSpan.FromDays(6)); // the hearing
        staff = await app.LoginAsync(Known.XinyuanWorker);
        // The hearing is recorded on the staff page: too few representatives is refused with the reason, nothing saved.
        async Task<string> HearingOnPageAsync(int representatives, params (long Id, int Yes, int No)[] votes)
        {
            var form = await staff.GetStringAsync($"/staff/consultation/funds/{id}");
            var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var data = new List<KeyValuePair<string, string>>
            {
                new("__RequestVerificationToken", antiforgery), new("_handler", "fund-step"),
                new("Model.Representatives", representatives.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            foreach (var (projectId, yes, no) in votes)
            {
                data.Add(new("Model.HearingIds", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                data.Add(new("Model.Yes", yes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                data.Add(new("Model.No", no.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var response = await staff.PostAsync($"/staff/consultation/funds/{id}", new FormUrlEncodedContent(data));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        var few = await HearingOnPageAsync(19, [.. ids.Select(p => (p, 19, 0))]);
        Assert.Contains("20", few, StringComparison.Ordinal);
        Assert.DoesNotContain("已保存", few, StringComparison.Ordinal);
        // 20 representatives: 12 yes is exactly 60% (kept), 11 is below (dropped), 15 kept.
        Assert.Contains("已保存", await HearingOnPageAsync(20, (ids[0], 12, 8), (ids[1], 11, 2), (ids[2], 15, 5)), StringComparison.Ordinal);
        var afterHearing = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/consultation/funds/{id}");
        Assert.Equal(["PassedHearing", "Dropped", "PassedHearing"], afterHearing.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("status").GetString()));
        Assert.Equal("Decision", afterHearing.GetProperty("phase").GetString());

        // The council decides within the amount: 60,000 + 50,000 > 100,000 is refused; a dropped project cannot be funded.
        var over = await staff.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/decision", new { projectIds = new[] { ids[0], ids[2] } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("110000.00", (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/decision", new { projectIds = new[] { ids[1] } })).StatusCode);
        var decided = await staff.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/decision", new { projectIds = new[] { ids[0] } });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("60000.00", (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("funded").GetString());

        // The funded project is followed to its result.
        var tracked = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/results?scope={Known.Xinyuan}");
        Assert.Contains(tracked.EnumerateArray(), r => r.GetProperty("source").GetString() == "FundProject" && r.GetProperty("sourceId").GetInt64() == ids[0]);

        // Each step is disclosed on 财务公开: the announcement, the hearing results, the funded projects.
        var board = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices?placeId={xinyuan}&board=Finance&pageSize=50");
        var titles = board.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()!).Where(t => t.Contains("2031", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, titles.Count);

        app.Clock.Advance(TimeSpan.FromDays(12));
        Assert.Equal("Implementation", (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/funds/{id}")).GetProperty("phase").GetString());
        var fucheng = await app.LoginAsync(Known.FuchengWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await fucheng.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/decision", new { projectIds = new[] { ids[0] } })).StatusCode);
    }

    /// <summary>A new resident whose home (in the profile) is the community with <paramref name="code"/>.</summary>
    private async Task<string> ResidentOfAsync(string code)
    {
        var login = await app.CreateUserAsync(Role.Resident, code);
        var placeId = await app.PlaceIdAsync(code);
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).ExecuteUpdateAsync(s => s.SetProperty(u => u.HomePlaceId, placeId)));
        return login;
    }

    /// <summary>Opens a 新园 fund year whose proposals close in <paramref name="proposalDays"/> days; returns its id.</summary>
    private async Task<long> OpenFundAsync(int year, int proposalDays)
    {
        var staff = await app.LoginAsync(Known.XinyuanWorker);
        var now = app.Clock.GetUtcNow();
        var created = await staff.PostAsJsonAsync("/api/v1/consultation/funds", new
        {
            placeId = await app.PlaceIdAsync(Known.Xinyuan), year, amount = "100000.00", proposalsUntil = now.AddDays(proposalDays), hearingAt = now.AddDays(8),
            decisionBy = now.AddDays(20), implementationUntil = now.AddDays(200), acceptanceBy = now.AddDays(230),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static string Antiforgery(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Posts the fund page's proposal form, with the antiforgery token of <paramref name="page"/>.</summary>
    private static async Task<HttpResponseMessage> PostProposalAsync(HttpClient client, long id, string page, string title, string budget, string category, string costType) =>
        await client.PostAsync($"/funds/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(page), ["_handler"] = "propose", ["Propose.Title"] = title, ["Propose.Description"] = "楼道和院坝",
            ["Propose.Budget"] = budget, ["Propose.Category"] = category, ["Propose.CostType"] = costType,
        }));

    private async Task<List<string>> ProjectTitlesAsync(long id) =>
        [.. (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/consultation/funds/{id}")).GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("title").GetString()!)];

    [Fact]
    public async Task ResidentProposesOnFundPage_NegativeListRefusedBesideTheField_ThenListed()
    {
        var id = await OpenFundAsync(2032, 5);
        var resident = await app.LoginAsync(await ResidentOfAsync(Known.Xinyuan));
        var page = await resident.GetStringAsync($"/funds/{id}");
        Assert.Contains("id=\"propose\"", page, StringComparison.Ordinal);

        // A private cost: refused beside the cost field naming the rule, what was typed kept, nothing saved.
        var refused = await PostProposalAsync(resident, id, page, "代缴楼道物业费", "5000.00", "ServingTheMasses", "PrivateCost");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("id=\"costType-error\"[^>]*>负面清单：保障资金不支付个人费用", html);
        Assert.Contains("value=\"代缴楼道物业费\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"5000.00\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"PrivateCost\" selected", html);
        Assert.Empty(await ProjectTitlesAsync(id));

        // Three decimals in the budget: refused beside the budget field.
        html = await (await PostProposalAsync(resident, id, html, "楼道照明", "1200.005", "Infrastructure", "PublicCommunity")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"budget-error\"", html, StringComparison.Ordinal);
        Assert.Empty(await ProjectTitlesAsync(id));

        var accepted = await PostProposalAsync(resident, id, html, "楼道照明改造", "1200.50", "Infrastructure", "PublicCommunity");
        html = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("项目“楼道照明改造”已提出", html, StringComparison.Ordinal);
        Assert.Matches("<td>楼道照明改造[\\s\\S]*?<td>基础设施</td><td>1200.50</td><td>已提出</td>", html);
        Assert.Equal(["楼道照明改造"], await ProjectTitlesAsync(id));
    }

    [Fact]
    public async Task FundPage_ProposalFormRefused_ToAnotherCommunity_AndOutsideTheProposalPhase()
    {
        var id = await OpenFundAsync(2033, 2);
        // A resident of 府城 sees why, not the form; a post of the form is refused, and so is the API (403 with the reason).
        var outsider = await app.LoginAsync(await ResidentOfAsync(Known.Fucheng));
        var page = await outsider.GetStringAsync($"/funds/{id}");
        Assert.DoesNotContain("id=\"propose\"", page, StringComparison.Ordinal);
        Assert.Contains("只有新园社区的居民", page, StringComparison.Ordinal);
        var posted = await PostProposalAsync(outsider, id, page, "府城的项目", "100.00", "Volunteering", "PublicCommunity");
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        var api = await outsider.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/projects", new { title = "府城的项目", category = "Volunteering", budget = "100.00", costType = "PublicCommunity" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("新园社区", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Signed out: a link to log in, no form.
        var anonymous = await app.Anonymous().GetStringAsync($"/funds/{id}");
        Assert.DoesNotContain("id=\"propose\"", anonymous, StringComparison.Ordinal);
        Assert.Contains($"/account/login?returnUrl=/funds/{id}", anonymous, StringComparison.Ordinal);

        // A resident of 新园 sees the form while proposals are open; once they close, neither the form nor a post.
        var residentLogin = await ResidentOfAsync(Known.Xinyuan);
        var resident = await app.LoginAsync(residentLogin);
        var open = await resident.GetStringAsync($"/funds/{id}");
        Assert.Contains("id=\"propose\"", open, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromDays(3));
        resident = await app.LoginAsync(residentLogin); // tokens expire with the clock
        var closed = await resident.GetStringAsync($"/funds/{id}");
        Assert.DoesNotContain("id=\"propose\"", closed, StringComparison.Ordinal);
        Assert.Contains("党组织提议", closed, StringComparison.Ordinal);
        var late = await PostProposalAsync(resident, id, closed, "迟到的项目", "100.00", "Volunteering", "PublicCommunity");
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await resident.PostAsJsonAsync($"/api/v1/consultation/funds/{id}/projects",
            new { title = "迟到的项目", category = "Volunteering", budget = "100.00", costType = "PublicCommunity" })).StatusCode);
        Assert.Empty(await ProjectTitlesAsync(id));
    }
}
