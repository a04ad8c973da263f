using Jiayuan.Core.Data;
using Jiayuan.Core.Text;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Demands.Demo;

/// <summary>Generates demands in every state for the benchmarks (bench/demands.sh); descriptions say "基准".</summary>
internal sealed class DemandBenchmarkData(IDbContextFactory<JiayuanDbContext> factory, IPlaceDirectory places, TimeProvider clock) : IDemandBenchmarkData
{
    private const int Batch = 5000;

    public async Task<int> GenerateAsync(int count, int days, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var communities = await places.CommunitiesAsync(cancellationToken);
        var courtyards = new List<(PlaceSummary Community, PlaceSummary Courtyard)>();
        foreach (var c in communities)
        {
            courtyards.AddRange((await places.DescendantsAsync(c.Path, PlaceKind.Courtyard, cancellationToken)).Select(y => (c, y)));
        }
        List<long> categories;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            categories = await db.Set<Category>().Select(c => c.Id).ToListAsync(cancellationToken);
        }
        var random = new Random(2018);
        var now = clock.GetUtcNow();
        var statuses = Enum.GetValues<DemandStatus>();
        var done = 0;
        while (done < count)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var n = Math.Min(Batch, count - done);
            for (var i = 0; i < n; i++)
            {
                var (community, courtyard) = courtyards[random.Next(courtyards.Count)];
                var created = now.AddSeconds(-random.NextDouble() * days * 86400);
                var local = Dates.ToChina(created);
                var status = statuses[random.Next(statuses.Length)];
                Satisfaction? rating = status == DemandStatus.Closed && random.Next(4) > 0 ? (Satisfaction)random.Next(3) : null;
                var text = $"基准诉求 {done + i}：院落公共区域需要处理。";
                db.Add(new Demand
                {
                    Token = Guid.NewGuid().ToString("N"), Type = (DemandType)random.Next(6), CategoryId = categories[random.Next(categories.Count)],
                    Urgency = Urgency.Normal, Channel = DemandChannel.Web, Description = text, PublicDescription = text,
                    PlacePath = courtyard.Path, PlaceCode = courtyard.Code, PlaceName = courtyard.Name, CommunityPath = community.Path,
                    Latitude = 30.6 + random.NextDouble() / 50, Longitude = 104.04 + random.NextDouble() / 50,
                    Status = status, HandlerPath = community.Path, HandlerName = community.Name,
                    CreatedAt = created, UpdatedAt = created.AddHours(random.Next(48)), DispatchedAt = created, AcceptBy = created.AddHours(24),
                    Deadline = created.AddDays(7), UrgeAt = created.AddDays(5), Escalation = random.Next(10) == 0 ? 2 : 0,
                    Month = local.Year * 100 + local.Month, RespondedInTime = random.Next(10) > 1, Satisfaction = rating,
                    Resolved = rating is null ? null : rating != Satisfaction.Unsatisfied, ClosedOnTime = status == DemandStatus.Closed && random.Next(5) > 0,
                    ClosedAt = status == DemandStatus.Closed ? created.AddDays(3) : null, ReopenCount = random.Next(20) == 0 ? 1 : 0, IsRepeat = random.Next(15) == 0,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            done += n;
            progress?.Report(done);
        }
        return done;
    }
}
