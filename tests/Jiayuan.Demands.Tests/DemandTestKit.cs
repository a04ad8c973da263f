using System.Text.Json;
using Jiayuan.Places.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Demands.Tests;

/// <summary>Helpers shared by the demand tests: submit, act, and read a demand as JSON.</summary>
internal static class DemandTestKit
{
    public static async Task<string> CourtyardAsync(JiayuanApp app, string communityCode)
    {
        var places = app.Services.GetRequiredService<IPlaceDirectory>();
        var community = await places.FindByCodeAsync(communityCode);
        var courtyards = await places.DescendantsAsync(community!.Path, PlaceKind.Courtyard);
        return courtyards.First(c => !c.Name.Contains("测试", StringComparison.Ordinal)).Code;
    }

    public static async Task<JsonElement> SubmitAsync(HttpClient client, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/api/v1/demands", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ActAsync(HttpClient client, long id, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/demands/{id}/{action}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/v1/demands/{id}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();
}
