using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class OrgRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PartyOrganization Org(OrgKind kind, string placeKind = "Courtyard", bool committee = false, int units = 1, DateOnly? elected = null) => new()
    {
        Code = "X", Name = "测试支部", Kind = kind, Path = "/X", PlacePath = "/1", PlaceKind = placeKind, HasCommittee = committee, CoveredUnits = units,
        FoundedOn = new DateOnly(2020, 1, 1), LastElectionOn = elected ?? new DateOnly(2024, 1, 1),
    };

    private static string[] Codes(PartyOrganization org, int full, int all) => [.. OrgRules.Check(org, full, all, Today).Select(f => f.Code)];

    [Fact]
    public void Branch_WithTwoFullMembers_IsFlagged() => Assert.Contains("min-full-members", Codes(Org(OrgKind.Branch), 2, 5));

    [Fact]
    public void Branch_WithThreeFullMembers_IsFine() => Assert.DoesNotContain("min-full-members", Codes(Org(OrgKind.Branch), 3, 3));

    [Fact]
    public void Branch_Over50_IsFlagged()
    {
        Assert.Contains("max-members", Codes(Org(OrgKind.Branch), 45, 51));
        Assert.DoesNotContain("max-members", Codes(Org(OrgKind.Branch), 45, 50));
    }

    [Fact]
    public void Committee_UnderSevenFull_IsFlagged()
    {
        Assert.Contains("committee-too-small", Codes(Org(OrgKind.Branch, committee: true), 6, 10));
        Assert.DoesNotContain("committee-too-small", Codes(Org(OrgKind.Branch, committee: true), 7, 10));
    }

    [Fact]
    public void JointBranch_OverFiveUnits_IsFlagged()
    {
        Assert.Contains("joint-too-wide", Codes(Org(OrgKind.JointBranch, units: 6), 5, 5));
        Assert.DoesNotContain("joint-too-wide", Codes(Org(OrgKind.JointBranch, units: 5), 5, 5));
    }

    [Fact]
    public void Terms_CommunityFiveYears_OthersThree()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), Org(OrgKind.Branch, "Courtyard", elected: new DateOnly(2021, 1, 1)).ElectionDue);
        Assert.Equal(new DateOnly(2024, 1, 1), Org(OrgKind.Branch, "Unit", elected: new DateOnly(2021, 1, 1)).ElectionDue);
        Assert.Contains("election-overdue", Codes(Org(OrgKind.Branch, "Unit", elected: new DateOnly(2021, 1, 1)), 5, 5));
        Assert.Contains("election-due", Codes(Org(OrgKind.Branch, "Courtyard", elected: new DateOnly(2021, 12, 31)), 5, 5));
    }

    [Fact]
    public void PartyGroup_IsNeverFlagged() => Assert.Empty(Codes(Org(OrgKind.PartyGroup), 0, 0));
}

public class MemberTests
{
    private static PartyMember Probationer(DateOnly admitted) => new()
    {
        OrgPath = "/X", PlacePath = "/1", RealName = "张三", Status = MemberStatus.Probationary, AdmittedOn = admitted,
        ProbationEndsOn = admitted.AddMonths(PartyMember.ProbationMonths),
    };

    [Fact]
    public void Convert_BeforeProbationEnds_IsRefused()
    {
        var m = Probationer(new DateOnly(2026, 3, 1));
        Assert.NotNull(m.Convert(new DateOnly(2027, 2, 28)));
        Assert.Equal(MemberStatus.Probationary, m.Status);
    }

    [Fact]
    public void Convert_AfterOneYear_PartyAgeCountsFromProbationEnd()
    {
        var m = Probationer(new DateOnly(2024, 3, 1));
        Assert.Null(m.Convert(new DateOnly(2025, 3, 1)));
        Assert.Equal(MemberStatus.Full, m.Status);
        Assert.Equal(new DateOnly(2025, 3, 1), m.FullSince);
        Assert.Equal(1, m.PartyAge(new DateOnly(2026, 3, 1)));
        Assert.Equal(0, m.PartyAge(new DateOnly(2026, 2, 28)));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Extend_SixToTwelveMonths(int months, bool ok) => Assert.Equal(ok, Probationer(new DateOnly(2026, 1, 1)).Extend(months) is null);

    [Fact]
    public void Extend_OnlyOnce()
    {
        var m = Probationer(new DateOnly(2026, 1, 1));
        Assert.Null(m.Extend(6));
        Assert.Equal(new DateOnly(2027, 7, 1), m.ProbationEndsOn);
        Assert.Equal("Probation can be extended only once.", m.Extend(6));
    }
}

public class OrganizationApiTests(JiayuanApp app)
{
    private Task<long> OrgIdAsync(string placePath, OrgKind kind) => app.WithDbAsync(db =>
        db.Set<PartyOrganization>().Where(o => o.PlacePath == placePath && o.Kind == kind).Select(o => o.Id).FirstAsync());

    [Fact]
    public async Task Tree_ForOwnCommunity_ListsOrganizationsWithCounts()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations?scope={Known.Fucheng}");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("name").GetString() == "中共府城社区委员会" && r.GetProperty("members").GetInt32() == 40);
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("kind").GetString() == "PartyGroup");
        // Rule messages arrive in the caller's language, naming the rule.
        Assert.Contains(rows.EnumerateArray().SelectMany(r => r.GetProperty("flags").EnumerateArray()), f => f.GetProperty("message").GetString()!.Contains("任期", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tree_OtherCommunity_IsForbidden_AnonymousUnauthorized()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/party/organizations?scope={Known.Xinyuan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/party/organizations?scope={Known.Xinyuan}")).StatusCode);
        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/party/organizations?scope={Known.Fucheng}")).StatusCode);
    }

    [Fact]
    public async Task Roster_MasksIdAndPhone_AndRunsBoundedQueries()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var id = await OrgIdAsync("/510107063/002", OrgKind.Committee);
        var count = CommandCounter.Start();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{id}");
        var queries = count();
        var members = detail.GetProperty("members");
        Assert.Equal(40, members.GetArrayLength());
        Assert.Matches(@"^139\*{4}\d{4}$", members[0].GetProperty("phone").GetString()!);
        Assert.Matches(@"^510\*{11}[\dX]{4}$", members[0].GetProperty("idNumber").GetString()!);
        Assert.InRange(queries, 1, 6);

        var page = CommandCounter.Start();
        var html = await client.GetStringAsync($"/party/orgs/{id}");
        Assert.Contains("中共府城社区委员会", html, StringComparison.Ordinal);
        var bigPage = page();

        // The same page for a courtyard branch of 25 members runs the same number of queries: no query per member.
        var small = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/002/") && o.Kind == OrgKind.Branch && o.PlaceKind == "Courtyard").Select(o => o.Id).FirstAsync());
        var smallCount = CommandCounter.Start();
        await client.GetStringAsync($"/party/orgs/{small}");
        Assert.Equal(bigPage, smallCount());
        Assert.InRange(bigPage, 1, 12);
    }

    [Fact]
    public async Task Roster_OtherCommunity_IsNotFound()
    {
        var client = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var id = await OrgIdAsync("/510107063/003", OrgKind.Committee);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/party/organizations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/party/orgs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Probation_ConvertAndExtend_ByTheSecretaryInScope()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var today = Jiayuan.Core.Text.Dates.Today(app.Clock);
        var (due, notDue) = await app.WithDbAsync(async db =>
        {
            var probationers = await db.Set<PartyMember>().Where(m => m.PlacePath.StartsWith("/510107063/002") && m.Status == MemberStatus.Probationary)
                .Select(m => new { m.Id, m.ProbationEndsOn }).ToListAsync();
            return (probationers.First(p => p.ProbationEndsOn <= today).Id, probationers.Where(p => p.ProbationEndsOn > today).Select(p => p.Id).Take(2).ToList());
        });

        var early = await secretary.PostAsync($"/api/v1/party/members/{notDue[0]}/convert", null);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("预备期", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        var converted = await (await secretary.PostAsync($"/api/v1/party/members/{due}/convert", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Full", converted.GetProperty("status").GetString());
        Assert.Equal(converted.GetProperty("probationEndsOn").GetString(), converted.GetProperty("fullSince").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{notDue[1]}/extend", new { months = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostAsJsonAsync($"/api/v1/party/members/{notDue[1]}/extend", new { months = 6 })).StatusCode);
        var again = await secretary.PostAsJsonAsync($"/api/v1/party/members/{notDue[1]}/extend", new { months = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("一次", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);

        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Fucheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/party/members/{notDue[0]}/extend", new { months = 6 })).StatusCode);
    }
}
