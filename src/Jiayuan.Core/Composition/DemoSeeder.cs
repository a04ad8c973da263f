using Jiayuan.Core.Data;

namespace Jiayuan.Core.Composition;

/// <summary>A module's part of the 石羊 demo dataset. Seeders run in <see cref="Order"/> on an empty database.</summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(JiayuanDbContext db, CancellationToken cancellationToken);
}
