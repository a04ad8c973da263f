using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class MeetingTests(JiayuanApp app)
{
    private DateOnly Today => Jiayuan.Core.Text.Dates.Today(app.Clock);

    private async Task<(long OrgId, List<long> Members)> BranchAsync(string courtyardPathPrefix)
    {
        return await app.WithDbAsync(async db =>
        {
            var org = await db.Set<PartyOrganization>().Where(o => o.Kind == OrgKind.Branch && o.PlacePath.StartsWith(courtyardPathPrefix) && o.PlaceKind == "Courtyard")
                .OrderBy(o => o.Id).FirstAsync();
            var members = await db.Set<PartyMember>().Where(m => m.OrganizationId == org.Id).Select(m => m.Id).ToListAsync();
            return (org.Id, members);
        });
    }

    [Fact]
    public async Task Record_Today_IsListedAndCountsForCompliance()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var (orgId, members) = await BranchAsync("/510107063/004/");
        var before = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/compliance?scope={Known.Jincheng}&overdueOnly=true");
        Assert.Contains(before.EnumerateArray(), r => r.GetProperty("organizationId").GetInt64() == orgId && r.GetProperty("kind").GetString() == "ThemeDay");

        var response = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/meetings",
            new { kind = "ThemeDay", heldOn = Today, topic = "主题党日：清理楼道杂物", attendeeIds = members.Take(15) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/meetings");
        Assert.Equal(15, list[0].GetProperty("attendees").GetInt32());

        var after = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/compliance?scope={Known.Jincheng}&overdueOnly=true");
        Assert.DoesNotContain(after.EnumerateArray(), r => r.GetProperty("organizationId").GetInt64() == orgId && r.GetProperty("kind").GetString() == "ThemeDay");
    }

    [Fact]
    public async Task Record_BackFilledFutureOrWrongAttendees_AreRefusedAndNothingStored()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var (orgId, _) = await BranchAsync("/510107063/004/");
        var (_, strangers) = await BranchAsync("/510107063/003/");
        async Task<JsonElement> RefusedAsync(object body)
        {
            var r = await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/meetings", body);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        var backFilled = await RefusedAsync(new { kind = "GeneralMeeting", heldOn = Today.AddDays(-30), topic = "补录" });
        Assert.Contains("补录", backFilled.GetProperty("heldOn")[0].GetString(), StringComparison.Ordinal);
        Assert.True((await RefusedAsync(new { kind = "GeneralMeeting", heldOn = Today.AddDays(1), topic = "将来" })).TryGetProperty("heldOn", out _));
        Assert.True((await RefusedAsync(new { kind = "GroupMeeting", heldOn = Today, topic = "支部不开小组会" })).TryGetProperty("kind", out _));
        Assert.True((await RefusedAsync(new { kind = "ThemeDay", heldOn = Today, topic = "外人", attendeeIds = strangers.Take(1) })).TryGetProperty("attendeeIds", out _));
        var stored = await app.WithDbAsync(db => db.Set<BranchMeeting>().CountAsync(m => m.OrganizationId == orgId && (m.Topic == "补录" || m.Topic == "外人")));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task GeneralMeeting_WithoutMajority_IsMarkedNotQuorate()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var (orgId, members) = await BranchAsync("/510107063/001/");
        var row = await (await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/meetings",
            new { kind = "GeneralMeeting", heldOn = Today, topic = "党员大会", attendeeIds = members.Take(members.Count / 2) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(row.GetProperty("quorate").GetBoolean());
        var compliance = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/compliance?scope={Known.Sanyuan}");
        var general = compliance.EnumerateArray().Single(r => r.GetProperty("organizationId").GetInt64() == orgId && r.GetProperty("kind").GetString() == "GeneralMeeting");
        Assert.True(general.GetProperty("overdue").GetBoolean(), "a general meeting without quorum must not count as held");
    }

    [Fact]
    public async Task Record_OtherCommunity_IsNotFound_WorkerIsForbidden()
    {
        var (orgId, _) = await BranchAsync("/510107063/003/");
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/meetings", new { kind = "ThemeDay", heldOn = Today, topic = "x" })).StatusCode);
        var worker = await app.LoginAsync(await app.CreateUserAsync(Role.CommunityWorker, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/party/organizations/{orgId}/meetings", new { kind = "ThemeDay", heldOn = Today, topic = "x" })).StatusCode);
    }
}

public class PledgeTests(JiayuanApp app)
{
    private Task<long> MemberAsync(string prefix, int skip) => app.WithDbAsync(db =>
        db.Set<PartyMember>().Where(m => m.PlacePath.StartsWith(prefix) && m.Status == MemberStatus.Full).OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync());

    [Fact]
    public async Task Pledge_WithConsent_ShowsMaskedToAnonymous_FullToSignedIn()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var memberId = await MemberAsync("/510107063/001/", 3);
        var name = await app.WithDbAsync(db => db.Set<PartyMember>().Where(m => m.Id == memberId).Select(m => m.RealName).FirstAsync());
        var text = "为三元社区院落儿童讲故事 " + Guid.NewGuid().ToString("N")[..4];
        var created = await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/pledges", new { text, publicConsent = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var anonymous = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/party/pledges?scope={Known.Sanyuan}");
        var shown = anonymous.EnumerateArray().Single(p => p.GetProperty("text").GetString() == text);
        Assert.Equal(name[..1] + new string('*', Math.Min(name.Length - 1, 2)), shown.GetProperty("memberName").GetString());
        var html = await app.Anonymous().GetStringAsync($"/c/{Known.Sanyuan}");
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain(name, html, StringComparison.Ordinal);

        var resident = await app.LoginAsync(await app.CreateUserAsync(Role.Resident, Known.Sanyuan));
        var signedIn = await resident.GetFromJsonAsync<JsonElement>($"/api/v1/party/pledges?scope={Known.Sanyuan}");
        Assert.Equal(name, signedIn.EnumerateArray().Single(p => p.GetProperty("text").GetString() == text).GetProperty("memberName").GetString());
    }

    [Fact]
    public async Task Pledge_WithoutConsent_IsNeverPublic()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var memberId = await MemberAsync("/510107063/001/", 5);
        var text = "不公开的承诺 " + Guid.NewGuid().ToString("N")[..4];
        await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/pledges", new { text, publicConsent = false });
        var list = await app.Anonymous().GetStringAsync($"/api/v1/party/pledges?scope={Known.Sanyuan}");
        Assert.DoesNotContain(text, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_OncePerYear_ProgressValidated()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Sanyuan));
        var memberId = await MemberAsync("/510107063/001/", 7);
        var first = await (await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/pledges", new { text = "承诺一", publicConsent = true })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await secretary.PostAsJsonAsync($"/api/v1/party/members/{memberId}/pledges", new { text = "承诺二", publicConsent = true });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var id = first.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PutAsJsonAsync($"/api/v1/party/pledges/{id}/progress", new { progress = 120 })).StatusCode);
        var done = await (await secretary.PutAsJsonAsync($"/api/v1/party/pledges/{id}/progress", new { progress = 60, fulfilled = true, note = "已完成" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.True(done.GetProperty("fulfilled").GetBoolean());
    }

    [Fact]
    public async Task DemoPledges_ShowOnFuchengHomePage()
    {
        var html = await app.Anonymous().GetStringAsync($"/c/{Known.Fucheng}");
        Assert.Contains("党员公开承诺", html, StringComparison.Ordinal);
        Assert.DoesNotContain("未同意公开", html, StringComparison.Ordinal);
    }
}

public class MeetingPhotoTests(JiayuanApp app)
{
    [Fact]
    public async Task Photo_IsReencodedWithoutExif_NonImageRefused()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var meetingId = await app.WithDbAsync(db => db.Set<BranchMeeting>().Where(m => m.PlacePath.StartsWith("/510107063/002/")).Select(m => m.Id).FirstAsync());
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(32, 32);
        image.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        image.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitudeRef, "N");
        using var ms = new MemoryStream();
        await SixLabors.ImageSharp.ImageExtensions.SaveAsJpegAsync(image, ms);
        MultipartFormDataContent Form(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(bytes), "file", name);
            return form;
        }
        var created = await secretary.PostAsync($"/api/v1/party/meetings/{meetingId}/photos", Form(ms.ToArray(), "现场.jpg"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var bytes = await secretary.GetByteArrayAsync(url);
        Assert.Null(SixLabors.ImageSharp.Image.Load(bytes).Metadata.ExifProfile);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);

        var pdf = await secretary.PostAsync($"/api/v1/party/meetings/{meetingId}/photos", Form("%PDF-1.4 x"u8.ToArray(), "纪要.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        var other = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Xinyuan));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
    }
}
