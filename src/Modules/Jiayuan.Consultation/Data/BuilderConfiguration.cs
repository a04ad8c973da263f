using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class BuilderConfiguration : IEntityTypeConfiguration<Builder>
{
    public void Configure(EntityTypeBuilder<Builder> b)
    {
        b.ToTable("consultation_builders");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.School).HasMaxLength(100);
        b.Property(x => x.Background).HasMaxLength(500);
        b.Property(x => x.Specialty).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class BuilderAssignmentConfiguration : IEntityTypeConfiguration<BuilderAssignment>
{
    public void Configure(EntityTypeBuilder<BuilderAssignment> b)
    {
        b.ToTable("consultation_builder_assignments");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.HasIndex(x => new { x.BuilderId, x.PlaceId }).IsUnique();
        b.HasIndex(x => x.PlacePath);
        b.HasOne<Builder>().WithMany().HasForeignKey(x => x.BuilderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BuilderAdviceConfiguration : IEntityTypeConfiguration<BuilderAdvice>
{
    public void Configure(EntityTypeBuilder<BuilderAdvice> b)
    {
        b.ToTable("consultation_builder_advice");
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ResourceUrl).HasMaxLength(500);
        b.HasIndex(x => x.TopicId);
        b.HasIndex(x => x.FundProjectId);
        b.HasOne<Builder>().WithMany().HasForeignKey(x => x.BuilderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackedResultConfiguration : IEntityTypeConfiguration<TrackedResult>
{
    public void Configure(EntityTypeBuilder<TrackedResult> b)
    {
        b.ToTable("consultation_results");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Source, x.SourceId }).IsUnique();
        b.HasIndex(x => x.PlacePath);
    }
}

internal sealed class ResultPhotoConfiguration : IEntityTypeConfiguration<ResultPhoto>
{
    public void Configure(EntityTypeBuilder<ResultPhoto> b)
    {
        b.ToTable("consultation_result_photos");
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.ResultId);
        b.HasOne<TrackedResult>().WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultUpdateConfiguration : IEntityTypeConfiguration<ResultUpdate>
{
    public void Configure(EntityTypeBuilder<ResultUpdate> b)
    {
        b.ToTable("consultation_result_updates");
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.ResultId);
        b.HasOne<TrackedResult>().WithMany().HasForeignKey(x => x.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}
