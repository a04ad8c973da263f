using System.Globalization;
using Jiayuan.Core.Data;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Party.Demo;

/// <summary>
/// Generated organizations and members for the city-scale benchmark (bench/party-city.sh). Members carry no personal data
/// (no ID or phone cipher text, a synthetic unique hash); the CLI runs it with <c>AuditSuppression</c>: this is fixture data.
/// </summary>
internal sealed class PartyBenchmarkData(IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock) : IPartyBenchmarkData
{
    public async Task<(int Organizations, int Members)> GenerateAsync(IReadOnlyList<PlaceSummary> courtyards, int membersPerBranch, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = Core.Text.Dates.Today(clock);
        int orgs = 0, members = 0;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var root = await db.Set<PartyOrganization>().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in courtyards.Chunk(500))
        {
            var branches = chunk.Select(c => new PartyOrganization
            {
                Code = "BZ" + c.Id.ToString(CultureInfo.InvariantCulture), Name = c.Name + "党支部", Kind = OrgKind.Branch, Path = root.Path + "/BZ" + c.Id.ToString(CultureInfo.InvariantCulture),
                ParentId = root.Id, PlaceId = c.Id, PlacePath = c.Path, PlaceKind = nameof(PlaceKind.Courtyard), FoundedOn = new DateOnly(2015 + (int)(c.Id % 9), 7, 1),
                MemberCount = membersPerBranch, TwoNew = c.Id % 3 == 0 ? TwoNewKind.NonPublicEnterprise : null, CreatedAt = now,
            }).ToList();
            db.AddRange(branches);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var b in branches)
            {
                for (var i = 0; i < membersPerBranch; i++)
                {
                    db.Add(new PartyMember
                    {
                        OrganizationId = b.Id, OrgPath = b.Path, PlacePath = b.PlacePath, IsTwoNew = b.TwoNew is not null, RealName = "基准党员",
                        Gender = i % 2 == 0 ? '男' : '女', IdNumberHash = "bench-" + b.Id.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture),
                        Status = MemberStatus.Full, AdmittedOn = today.AddYears(-5), ProbationEndsOn = today.AddYears(-4), FullSince = today.AddYears(-4),
                        DuesCategory = DuesCategory.Employed, DuesBase = 5000, CreatedAt = now, UpdatedAt = now,
                    });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            orgs += branches.Count;
            members += branches.Count * membersPerBranch;
            progress?.Report(members);
        }
        return (orgs, members);
    }
}
