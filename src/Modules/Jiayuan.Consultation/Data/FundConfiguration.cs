using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> b)
    {
        b.ToTable("consultation_funds");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.HasIndex(x => new { x.PlaceId, x.Year }).IsUnique();
    }
}

internal sealed class FundProjectConfiguration : IEntityTypeConfiguration<FundProject>
{
    public void Configure(EntityTypeBuilder<FundProject> b)
    {
        b.ToTable("consultation_fund_projects");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.FundId);
        b.HasOne<Fund>().WithMany().HasForeignKey(x => x.FundId).OnDelete(DeleteBehavior.Cascade);
    }
}
