using System.Text.Json;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Demands.Tests;

/// <summary>The monthly metrics on a hand-computed example (January 2019, a month no other test touches).</summary>
public class MetricsTests(JiayuanApp app)
{
    [Fact]
    public async Task Rates_Match_The_Hand_Computed_Example_And_Export_To_Excel()
    {
        var places = app.Services.GetRequiredService<IPlaceDirectory>();
        var fucheng = (await places.FindByCodeAsync(Known.Fucheng))!;
        var units = await places.DescendantsAsync((await places.RootAsync()).Path, PlaceKind.Unit);
        var bookshop = units.First(u => u.Name == "新华文轩");
        var categoryId = await app.WithDbAsync(db => db.Set<Category>().Where(c => c.Code == "ENV-GARBAGE").Select(c => c.Id).FirstAsync());
        var at = new DateTimeOffset(2019, 1, 15, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        // Ten demands to 新华文轩 in 府城:
        // responded in time 8 → 响应率 80.0; rated 6: 3 satisfied, 2 basically, 1 unsatisfied; resolved 4 → 解决率 66.7;
        // 满意率 (3 + 0.5×2) ÷ 6 = 66.7; closed 7 of which 5 on time → 71.4; 2 closed unrated; reopened 2 → 20.0; repeats 1 → 10.0.
        var specs = new (bool Responded, Satisfaction? Rating, bool Resolved, bool Closed, bool OnTime, int Reopen, bool Repeat)[]
        {
            (true, Satisfaction.Satisfied, true, true, true, 0, false),
            (true, Satisfaction.Satisfied, true, true, true, 0, false),
            (true, Satisfaction.Satisfied, true, true, true, 1, false),
            (true, Satisfaction.BasicallySatisfied, true, true, true, 0, true),
            (true, Satisfaction.BasicallySatisfied, false, true, false, 0, false),
            (true, Satisfaction.Unsatisfied, false, false, false, 1, false),
            (true, null, false, true, false, 0, false),
            (true, null, false, false, false, 0, false),
            (false, null, false, false, false, 0, false),
            (false, null, false, true, true, 0, false),
        };
        await app.WithDbAsync(async db =>
        {
            foreach (var s in specs)
            {
                db.Add(new Demand
                {
                    Token = Guid.NewGuid().ToString("N"), Type = DemandType.Complaint, CategoryId = categoryId, Description = "m", PublicDescription = "m",
                    CommunityPath = fucheng.Path, HandlerPath = bookshop.Path, HandlerName = bookshop.Name,
                    Status = s.Closed ? DemandStatus.Closed : s.Rating is null ? DemandStatus.InProgress : DemandStatus.Reopened,
                    CreatedAt = at, UpdatedAt = at, DispatchedAt = at, Month = 201901, RespondedInTime = s.Responded, Satisfaction = s.Rating,
                    Resolved = s.Rating is null ? null : s.Resolved, ClosedOnTime = s.OnTime, ReopenCount = s.Reopen, IsRepeat = s.Repeat,
                });
            }
            return await db.SaveChangesAsync();
        });
        var worker = await app.LoginAsync(Known.FuchengWorker);
        var report = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/demands/metrics?month=2019-01&scope={Known.Fucheng}");
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.Str("name") == "新华文轩");
        Assert.Equal(10, row.GetProperty("dispatched").GetInt32());
        Assert.Equal(80.0m, row.GetProperty("responseRate").GetDecimal());
        Assert.Equal(66.7m, row.GetProperty("resolutionRate").GetDecimal());
        Assert.Equal(66.7m, row.GetProperty("satisfactionRate").GetDecimal());
        Assert.Equal(71.4m, row.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(2, row.GetProperty("closedUnrated").GetInt32());
        Assert.Equal(20.0m, row.GetProperty("reopenRate").GetDecimal());
        Assert.Equal(10.0m, row.GetProperty("repeatRate").GetDecimal());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());

        var byPlace = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/demands/metrics?month=2019-01&scope={Known.Fucheng}&by=place");
        Assert.Equal("府城社区", byPlace.GetProperty("rows")[0].Str("name"));

        // A 府城 worker asking for 新园 is refused; for the subdistrict, gets 府城.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/demands/metrics?month=2019-01&scope={Known.Xinyuan}")).StatusCode);
        var whole = await worker.GetFromJsonAsync<JsonElement>("/api/v1/demands/metrics?month=2019-01");
        Assert.Equal(Known.Fucheng, whole.Str("scope"));

        var xlsx = await worker.GetAsync($"/api/v1/demands/metrics.xlsx?month=2019-01&scope={Known.Fucheng}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = await xlsx.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("新华文轩", rows.Single()["单位/地点"]);
        Assert.Equal(80.0, Convert.ToDouble(rows.Single()["响应率%"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
