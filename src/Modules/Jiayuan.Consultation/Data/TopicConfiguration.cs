using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.ToTable("consultation_topics");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.AuthorName).HasMaxLength(100);
        b.Property(x => x.RoutedBodyName).HasMaxLength(100);
        b.HasIndex(x => new { x.PlacePath, x.Hidden, x.CreatedAt });
    }
}

internal sealed class TopicSupportConfiguration : IEntityTypeConfiguration<TopicSupport>
{
    public void Configure(EntityTypeBuilder<TopicSupport> b)
    {
        b.ToTable("consultation_topic_supports");
        b.HasIndex(x => new { x.TopicId, x.UserId }).IsUnique();
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicCommentConfiguration : IEntityTypeConfiguration<TopicComment>
{
    public void Configure(EntityTypeBuilder<TopicComment> b)
    {
        b.ToTable("consultation_topic_comments");
        b.Property(x => x.AuthorName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.TopicId, x.CreatedAt });
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicReportConfiguration : IEntityTypeConfiguration<TopicReport>
{
    public void Configure(EntityTypeBuilder<TopicReport> b)
    {
        b.ToTable("consultation_topic_reports");
        // CommentId 0 stands for the topic itself, so the unique index also holds for topic reports.
        b.HasIndex(x => new { x.TopicId, x.CommentId, x.UserId }).IsUnique();
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
