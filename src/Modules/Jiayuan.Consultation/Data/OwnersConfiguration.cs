using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class CompoundOwnerConfiguration : IEntityTypeConfiguration<CompoundOwner>
{
    public void Configure(EntityTypeBuilder<CompoundOwner> b)
    {
        b.ToTable("consultation_owners");
        b.Property(x => x.CourtyardPath).HasMaxLength(400);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.CourtyardId);
        b.HasIndex(x => new { x.CourtyardId, x.UserId }).IsUnique();
    }
}

internal sealed class CompoundUnitConfiguration : IEntityTypeConfiguration<CompoundUnit>
{
    public void Configure(EntityTypeBuilder<CompoundUnit> b)
    {
        b.ToTable("consultation_units");
        b.Property(x => x.Label).HasMaxLength(100);
        b.HasIndex(x => new { x.CourtyardId, x.Label }).IsUnique();
        b.HasIndex(x => x.OwnerId);
        b.HasOne<CompoundOwner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnersDecisionConfiguration : IEntityTypeConfiguration<OwnersDecision>
{
    public void Configure(EntityTypeBuilder<OwnersDecision> b)
    {
        b.ToTable("consultation_owners_decisions");
        b.Property(x => x.CourtyardPath).HasMaxLength(400);
        b.Property(x => x.CourtyardName).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasIndex(x => new { x.CourtyardPath, x.ClosesAt });
    }
}

internal sealed class OwnerBallotConfiguration : IEntityTypeConfiguration<OwnerBallot>
{
    public void Configure(EntityTypeBuilder<OwnerBallot> b)
    {
        b.ToTable("consultation_owner_ballots");
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.PaperNumber).HasMaxLength(40);
        b.HasIndex(x => new { x.DecisionId, x.OwnerId }).IsUnique();
        b.HasIndex(x => new { x.DecisionId, x.PaperNumber }).IsUnique();
        b.HasOne<OwnersDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CompoundOwner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
