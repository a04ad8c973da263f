using System.Text.Json;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jiayuan.Demands.Tests.DemandTestKit;

namespace Jiayuan.Demands.Tests;

/// <summary>Its own application: these tests move the clock forward.</summary>
public sealed class EscalationApp : JiayuanApp
{
    public EscalationApp() => With("Demands:ScanSeconds", "3600");
}

/// <summary>Urge → supervise → auto-close, with a moved clock; two instances racing fire each step once.</summary>
public class EscalationTests(EscalationApp app) : IClassFixture<EscalationApp>
{
    private EscalationProcess Process => app.Services.GetRequiredService<EscalationProcess>();

    [Fact]
    public async Task Late_Demands_Are_Urged_Then_Supervised_Once_Even_With_Two_Instances()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "UTILITY", description = "整栋楼停水了。", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        var worker = await app.LoginAsync(Known.FuchengWorker);

        // Utilities: accept within 2 h; reply within 24 h. After 3 h it is not accepted: urged.
        app.Clock.Advance(TimeSpan.FromHours(3));
        await Task.WhenAll(Process.RunOnceAsync(default), Process.RunOnceAsync(default));
        worker = await app.LoginAsync(Known.FuchengWorker);
        var urged = await GetAsync(worker, id);
        Assert.Equal(1, urged.GetProperty("escalation").GetInt32());
        Assert.Single(urged.GetProperty("timeline").EnumerateArray(), e => e.Str("kind") == "Urged");

        // After 25 h the deadline has passed: supervised, and on the subdistrict's overdue list.
        app.Clock.Advance(TimeSpan.FromHours(22));
        await Task.WhenAll(Process.RunOnceAsync(default), Process.RunOnceAsync(default), Process.RunOnceAsync(default));
        worker = await app.LoginAsync(Known.FuchengWorker); // the clock moved past the old token's lifetime
        var supervised = await GetAsync(worker, id);
        Assert.Equal(2, supervised.GetProperty("escalation").GetInt32());
        Assert.Single(supervised.GetProperty("timeline").EnumerateArray(), e => e.Str("kind") == "Supervised");
        var jiedao = await app.LoginAsync(Known.SubdistrictAdmin);
        var overdue = await jiedao.GetFromJsonAsync<JsonElement>("/api/v1/demands?view=overdue");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id && r.GetProperty("overdue").GetBoolean());
        var unitInbox = await worker.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Contains(unitInbox.EnumerateArray(), n => n.Str("text").Contains("督办", StringComparison.Ordinal));

        // Extending after the deadline is refused and changes nothing.
        await ActAsync(worker, id, "accept");
        var (status, problem) = await ActAsync(worker, id, "extension", new { days = 3, reason = "来不及" });
        Assert.Equal((HttpStatusCode)422, status);
        Assert.NotEmpty(problem.Str("detail"));
    }

    [Fact]
    public async Task Replied_And_Unrated_Demands_Close_As_Unrated()
    {
        var resident = await app.LoginAsync(Known.Resident);
        var d = await SubmitAsync(resident, new { category = "POLICY", description = "如何办理居住证？", placeCode = await CourtyardAsync(app, Known.Fucheng) });
        var id = d.GetProperty("id").GetInt64();
        var worker = await app.LoginAsync(Known.FuchengWorker);
        await ActAsync(worker, id, "accept");
        await ActAsync(worker, id, "reply", new { reply = "携带身份证到服务大厅办理。" });
        app.Clock.Advance(TimeSpan.FromDays(8));
        await Process.RunOnceAsync(default);
        await Process.RunOnceAsync(default); // a second pass finds nothing left to close
        var closed = await app.WithDbAsync(db => db.Set<Demand>().AsNoTracking().FirstAsync(x => x.Id == id));
        Assert.Equal(DemandStatus.Closed, closed.Status);
        Assert.Null(closed.Satisfaction);
        Assert.True(closed.ClosedOnTime);
    }
}
