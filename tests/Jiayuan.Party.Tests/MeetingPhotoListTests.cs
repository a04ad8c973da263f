using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Tests;

public class MeetingPhotoListTests(JiayuanApp app)
{
    [Fact]
    public async Task MeetingPhotos_AreListed_AndShownAsThumbnailsOnTheOrganizationPage()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        // The last courtyard branch of 府城 with meetings (other tests add photos to the first one).
        var (orgId, meetingId) = await app.WithDbAsync(async db =>
        {
            var m = await db.Set<BranchMeeting>().Where(m => m.PlacePath.StartsWith("/510107063/002/")).OrderByDescending(m => m.OrganizationId).ThenBy(m => m.Id).FirstAsync();
            return (m.OrganizationId, m.Id);
        });
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(40, 30);
        using var ms = new MemoryStream();
        await SixLabors.ImageSharp.ImageExtensions.SaveAsPngAsync(image, ms);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(ms.ToArray()), "file", "group-photo.png");
        var created = await secretary.PostAsync($"/api/v1/party/meetings/{meetingId}/photos", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        var meetings = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/party/organizations/{orgId}/meetings");
        var row = meetings.EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == meetingId);
        Assert.Contains(row.GetProperty("photoLinks").EnumerateArray(), p => p.GetProperty("url").GetString() == url && p.GetProperty("fileName").GetString() == "group-photo.png");
        Assert.Equal(0, meetings.EnumerateArray().Where(m => m.GetProperty("photos").GetInt32() == 0).Sum(m => m.GetProperty("photoLinks").GetArrayLength()));

        var html = await secretary.GetStringAsync($"/party/orgs/{orgId}");
        Assert.Contains($"<a href=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{url}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync(url)).StatusCode);
    }
}
