using System.Text.Json;
using System.Text.RegularExpressions;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Party.Tests;

public class ChainRosterTests(JiayuanApp app)
{
    /// <summary>The nth courtyard branch of 三元 with its members that have both an ID number and a phone on record.</summary>
    private Task<(long OrgId, string Name, List<long> Members)> BranchAsync(int skip) => app.WithDbAsync(async db =>
    {
        var org = await db.Set<PartyOrganization>().Where(o => o.Kind == OrgKind.Branch && o.PlacePath.StartsWith("/510107063/001/") && o.PlaceKind == "Courtyard")
            .OrderBy(o => o.Id).Skip(skip).FirstAsync();
        var members = await db.Set<PartyMember>().Where(m => m.OrganizationId == org.Id && m.PhoneCipher != null && m.IdNumberCipher != null)
            .OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        return (org.Id, org.Name, members);
    });

    /// <summary>Gives the account the member's ID number and, when asked, their phone as verified.</summary>
    private Task CopyIdentityAsync(string userName, long memberId, bool phone) => app.WithDbAsync(async db =>
    {
        var cipher = app.Services.GetRequiredService<IPersonalDataCipher>();
        var member = await db.Set<PartyMember>().FirstAsync(m => m.Id == memberId);
        var user = await db.Users.FirstAsync(u => u.UserName == userName);
        var id = cipher.Unprotect(member.IdNumberCipher!);
        (user.IdNumberCipher, user.IdNumberHash, user.IdNumberMasked) = (cipher.Protect(id), cipher.Hash(id), Masking.IdNumber(id));
        if (phone)
        {
            var number = cipher.Unprotect(member.PhoneCipher!);
            (user.PhoneCipher, user.PhoneHash, user.PhoneMasked, user.PhoneVerified) = (cipher.Protect(number), cipher.Hash(number), Masking.Phone(number), true);
        }
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task LinkedMember_SeesTheMaskedRosterOfTheirChain_NothingOfOtherBranches()
    {
        var (a, aName, aMembers) = await BranchAsync(2);
        var (b, bName, _) = await BranchAsync(3);
        var residentName = await app.CreateUserAsync(Role.Resident, Known.Sanyuan);
        var resident = await app.LoginAsync(residentName);
        // Not linked yet: nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/api/v1/party/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);

        // The branch secretary links the account by its user name; other staff cannot.
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var outsider = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Sanyuan));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/party/members/{aMembers[0]}/account", new { login = residentName })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/v1/party/members/{aMembers[0]}/account", new { login = residentName })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PutAsJsonAsync($"/api/v1/party/members/{aMembers[0]}/account", new { login = "nobody-" + Guid.NewGuid().ToString("N")[..6] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/api/v1/party/members/{aMembers[0]}/account", new { login = residentName })).StatusCode);
        // One account, one member record.
        var twice = await secretary.PutAsJsonAsync($"/api/v1/party/members/{aMembers[1]}/account", new { login = residentName });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已关联", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("login")[0].GetString(), StringComparison.Ordinal);

        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/party/me");
        Assert.Equal(aMembers[0], mine.GetProperty("memberId").GetInt64());
        Assert.Contains("*", mine.GetProperty("name").GetString(), StringComparison.Ordinal);
        var chain = mine.GetProperty("chain").EnumerateArray().ToList();
        Assert.Equal(a, chain[0].GetProperty("id").GetInt64());
        Assert.True(chain[0].GetProperty("own").GetBoolean());
        Assert.True(chain.Count >= 2, "the branch and at least the committee above it");
        Assert.DoesNotContain(chain, o => o.GetProperty("id").GetInt64() == b);

        var roster = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/party/me/organizations/{a}/roster");
        var rows = roster.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m => m.OrganizationId == a)), rows.Count);
        Assert.All(rows, r => Assert.Matches("^.\\*+$", r.GetProperty("name").GetString()));
        Assert.Single(rows, r => r.GetProperty("me").GetBoolean());
        Assert.All(rows, r => Assert.False(r.TryGetProperty("idNumber", out _) || r.TryGetProperty("phone", out _)));
        // An ancestor's roster, yes; a sibling branch's, no; the staff view, still no.
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/v1/party/me/organizations/{chain[^1].GetProperty("id").GetInt64()}/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/party/me/organizations/{b}/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/party/organizations/{a}")).StatusCode);

        var page = await resident.GetStringAsync("/party/me");
        Assert.Contains(aName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(bName, page, StringComparison.Ordinal);
        var fullNames = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.OrganizationId == a).Select(m => m.RealName).ToListAsync());
        Assert.All(fullNames.Where(n => n.Length > 1), n => Assert.DoesNotContain("<td>" + n + "</td>", page, StringComparison.Ordinal));

        // Anonymous: nothing. Another resident: nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);
        var stranger = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Sanyuan));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);
        Assert.DoesNotContain(aName, await stranger.GetStringAsync("/party/me"), StringComparison.Ordinal);

        // Unlinking ends it.
        Assert.Equal(HttpStatusCode.NoContent, (await secretary.DeleteAsync($"/api/v1/party/members/{aMembers[0]}/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);
    }

    private static async Task<string> PostAccountFormAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var data = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("_handler", "member-account") };
        data.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AccountsPage_LinksAndUnlinks_StaffInScopeOnly()
    {
        var (a, _, aMembers) = await BranchAsync(5);
        var url = $"/party/orgs/{a}/accounts";
        var residentName = await app.CreateUserAsync(Role.Resident, Known.Sanyuan);
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var id = aMembers[0].ToString(System.Globalization.CultureInfo.InvariantCulture);

        // An unknown account is refused beside the field, keeping what was typed.
        var unknown = await PostAccountFormAsync(secretary, url, ("Link.MemberId", id), ("Link.Login", "nobody-x1"), ("Link.Action", "link"));
        Assert.Contains("没有使用该手机号或用户名的账号", unknown, StringComparison.Ordinal);
        Assert.Contains("value=\"nobody-x1\"", unknown, StringComparison.Ordinal);

        Assert.Contains("已将党员记录关联到该账号", await PostAccountFormAsync(secretary, url, ("Link.MemberId", id), ("Link.Login", residentName), ("Link.Action", "link")), StringComparison.Ordinal);
        var resident = await app.LoginAsync(residentName);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);
        Assert.Contains("由工作人员关联", await secretary.GetStringAsync(url), StringComparison.Ordinal);

        Assert.Contains("已解除关联", await PostAccountFormAsync(secretary, url, ("Link.MemberId", id), ("Link.Action", "unlink")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/api/v1/party/me/organizations/{a}/roster")).StatusCode);

        // A community worker reads without the form; staff of another community and residents get a 403 page.
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Sanyuan));
        var read = await worker.GetStringAsync(url);
        Assert.Contains("未关联", read, StringComparison.Ordinal);
        Assert.DoesNotContain("member-account", read, StringComparison.Ordinal);
        var outsider = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task SelfLink_NeedsTheVerifiedPhoneAndTheIdNumber_OnThePage()
    {
        var (a, aName, aMembers) = await BranchAsync(4);
        var memberId = aMembers[^1];
        var userName = await app.CreateUserAsync(Role.Resident, Known.Sanyuan);
        var resident = await app.LoginAsync(userName);

        async Task<string> PostLinkAsync()
        {
            var form = await resident.GetStringAsync("/party/me");
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await resident.PostAsync("/party/me", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", "party-link")]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        // No ID number on the profile; then the ID number alone (anyone could type it): refused, the same message whether or not it is a member's.
        Assert.Contains("请先在个人资料中填写身份证号", await PostLinkAsync(), StringComparison.Ordinal);
        await CopyIdentityAsync(userName, memberId, phone: false);
        var idOnly = await PostLinkAsync();
        Assert.Contains("没有同时匹配", idOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(aName, idOnly, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.PostAsync("/api/v1/party/me", null)).StatusCode);

        // With the verified phone on record too: linked, and the chain's rosters are shown.
        await CopyIdentityAsync(userName, memberId, phone: true);
        var linked = await PostLinkAsync();
        Assert.Contains("已关联", linked, StringComparison.Ordinal);
        Assert.Contains(aName, linked, StringComparison.Ordinal);
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/party/me");
        Assert.Equal(memberId, mine.GetProperty("memberId").GetInt64());
        Assert.Equal(a, mine.GetProperty("organizationId").GetInt64());
        Assert.Equal("self", await app.WithDbAsync(db => db.Set<MemberAccount>().Where(l => l.MemberId == memberId).Select(l => l.LinkedBy).FirstAsync()));
    }
}
