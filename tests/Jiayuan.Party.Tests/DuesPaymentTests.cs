using System.Globalization;
using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class DuesPaymentTests(JiayuanApp app)
{
    private string Month(int offset) => new DateOnly(Jiayuan.Core.Text.Dates.Today(app.Clock).Year, Jiayuan.Core.Text.Dates.Today(app.Clock).Month, 1).AddMonths(offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private Task<PartyMember> MemberAsync(string prefix, int skip) => app.WithDbAsync(db =>
        db.Set<PartyMember>().AsNoTracking().Where(m => m.PlacePath.StartsWith(prefix) && m.Status == MemberStatus.Full && m.DuesCategory == DuesCategory.Employed)
            .OrderBy(m => m.Id).Skip(skip).FirstAsync());

    [Fact]
    public async Task Pay_RecordsTheYearsFixedAmount_BackPaymentLimitedToSixMonths()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var member = await MemberAsync("/510107063/004/", 2);
        var ok = await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/dues-payments", new { months = new[] { Month(0), Month(-1) } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Domain.Dues.Monthly(member.DuesBase, member.DuesCategory), result.GetProperty("monthlyAmount").GetDecimal());

        var again = await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/dues-payments", new { months = new[] { Month(0) } });
        Assert.Contains("已交纳", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("months")[0].GetString(), StringComparison.Ordinal);

        var tooOld = await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/dues-payments", new { months = new[] { Month(-7) } });
        Assert.Equal(HttpStatusCode.BadRequest, tooOld.StatusCode);
        Assert.Contains("6 个月", (await tooOld.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("months")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/dues-payments", new { months = new[] { Month(-6) } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{member.Id}/dues-payments", new { months = new[] { "2026-13" } })).StatusCode);
    }

    [Fact]
    public async Task Arrears_WarnsAtThreeMonths_EscalatesAtSix()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var arrears = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/dues/arrears?scope={Known.Fucheng}");
        var rows = arrears.EnumerateArray().ToList();
        var month = Jiayuan.Core.Text.Dates.Today(app.Clock).Month;
        if (month >= 8)
        {
            Assert.Contains(rows, r => r.GetProperty("level").GetString() == "escalate" && r.GetProperty("unpaidMonths").GetInt32() >= 6);
        }
        if (month >= 4)
        {
            Assert.Contains(rows, r => r.GetProperty("level").GetString() == "warn" && r.GetProperty("unpaidMonths").GetInt32() is >= 3 and < 6);
        }
        Assert.All(rows, r => Assert.True(r.GetProperty("unpaidMonths").GetInt32() >= 3));
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/party/dues/arrears?scope={Known.Fucheng}")).StatusCode);
    }

    [Fact]
    public async Task YearlyReport_IsPublishedOnThePartyAffairsBoard()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var orgId = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/002/") && o.Kind == OrgKind.Branch && o.PlaceKind == "Courtyard").Select(o => o.Id).FirstAsync());
        var report = await (await secretary.PostAsync($"/api/v1/party/organizations/{orgId}/dues-report", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("received").GetDecimal() > 0);
        var notice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/notices/{report.GetProperty("noticeId").GetInt64()}");
        Assert.Equal("PartyAffairs", notice.GetProperty("board").GetString());
        Assert.Equal("府城社区", notice.GetProperty("placeName").GetString());
        Assert.Contains("党费收缴和使用情况公示", notice.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
