using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiayuan.Party.Data;

/// <summary>
/// Drops the cached statistics and breakdowns when a save adds, removes or re-classifies organizations or members (a conversion
/// changes the full/probationary split, a transfer the two-new one), whichever code path saved it. Bulk updates that bypass the
/// change tracker invalidate themselves (<see cref="OrgCounters"/>). Changes of other member fields (dues base, phone…) keep the cache.
/// </summary>
internal sealed class StatisticsInvalidation : SaveChangesInterceptor
{
    private static readonly string[] _memberFields = [nameof(PartyMember.Status), nameof(PartyMember.IsTwoNew), nameof(PartyMember.OrganizationId), nameof(PartyMember.PlacePath)];

    private static bool Affects(DbContext? db) => db is not null && db.ChangeTracker.Entries().Any(e => e.Entity switch
    {
        PartyOrganization => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified,
        PartyMember => e.State is EntityState.Added or EntityState.Deleted
            || (e.State == EntityState.Modified && _memberFields.Any(f => e.Property(f).IsModified)),
        _ => false,
    });

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Affects(eventData.Context))
        {
            // Before and after the write: a reader between the two computes from the old rows and caches them under the old generation.
            Features.Stats.PartyStatistics.Signal.Invalidate();
            eventData.Context!.SavedChanges += InvalidateOnce;
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Affects(eventData.Context))
        {
            Features.Stats.PartyStatistics.Signal.Invalidate();
            eventData.Context!.SavedChanges += InvalidateOnce;
        }
        return base.SavingChanges(eventData, result);
    }

    private static void InvalidateOnce(object? sender, SavedChangesEventArgs e)
    {
        Features.Stats.PartyStatistics.Signal.Invalidate();
        if (sender is DbContext db)
        {
            db.SavedChanges -= InvalidateOnce;
        }
    }
}
