using Jiayuan.Places.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Places.Data;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> b)
    {
        b.ToTable("places_places");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Path).HasMaxLength(400);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CourtyardType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.CodeSource).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path).IsUnique();
        b.HasIndex(x => new { x.ParentId, x.SortOrder });
        b.HasIndex(x => new { x.Kind, x.Path });
        b.HasOne<Place>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
