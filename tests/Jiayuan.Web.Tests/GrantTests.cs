using System.Text.Json;
using Jiayuan.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Tests;

public class GrantTests(JiayuanApp app)
{
    private async Task<long> UserIdAsync(string login) => await app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    private async Task<HttpStatusCode> PublishAsync(HttpClient client, long placeId) =>
        (await client.PostAsJsonAsync("/api/v1/notices", new { placeId, board = "Property", title = "授权测试", bodyHtml = "<p>x</p>" })).StatusCode;

    [Fact]
    public async Task Grant_ThenRevoke_ChangesWhatTheUserMayDo()
    {
        var login = await app.CreateUserAsync(Role.Resident, Known.Xinyuan);
        var userId = await UserIdAsync(login);
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        Assert.Equal(HttpStatusCode.Forbidden, await PublishAsync(await app.LoginAsync(login), xinyuan));

        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var granted = await admin.PostAsJsonAsync($"/api/v1/admin/users/{userId}/grants", new { role = "CommunityWorker", placeId = xinyuan });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var grantId = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{userId}/grants");
        Assert.Equal("新园社区", list[0].GetProperty("placeName").GetString());

        Assert.Equal(HttpStatusCode.Created, await PublishAsync(await app.LoginAsync(login), xinyuan));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/users/{userId}/grants/{grantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PublishAsync(await app.LoginAsync(login), xinyuan));

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?entityType=RoleGrant");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("action").GetString() == "delete" && a.GetProperty("entityId").GetString() == grantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Grant_SystemAdminBySubdistrictAdmin_IsForbidden()
    {
        var login = await app.CreateUserAsync(Role.Resident, Known.Fucheng);
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var root = await app.PlaceIdAsync(Known.Subdistrict);
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/users/{await UserIdAsync(login)}/grants", new { role = "SystemAdmin", placeId = root });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Grant_MissingFields_AreFieldErrors()
    {
        var login = await app.CreateUserAsync(Role.Resident, Known.Fucheng);
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/users/{await UserIdAsync(login)}/grants", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.True(errors.TryGetProperty("placeId", out _));
    }

    [Fact]
    public async Task Users_FoundByExactIdNumber()
    {
        var login = await app.CreateUserAsync(Role.Resident, Known.Fucheng);
        var client = await app.LoginAsync(login);
        await client.PutAsJsonAsync("/api/v1/me", new { idNumber = "51010719900101123X" });
        var admin = await app.LoginAsync(Known.SubdistrictAdmin);
        var found = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=51010719900101123X");
        Assert.Equal(login, found.GetProperty("items")[0].GetProperty("userName").GetString());
    }
}
