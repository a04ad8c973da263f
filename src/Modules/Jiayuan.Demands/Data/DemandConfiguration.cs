using Jiayuan.Demands.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Demands.Data;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("demands_categories");
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Group).HasMaxLength(50);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Keywords).HasMaxLength(200);
        b.Property(x => x.DefaultType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DefaultUrgency).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DefaultHandlerPath).HasMaxLength(400);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("demands_routing_rules");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.HandlerPath).HasMaxLength(400);
        b.Property(x => x.CoHandlerPaths).HasMaxLength(2000);
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("demands_demands");
        b.Property(x => x.Token).HasMaxLength(40);
        b.HasIndex(x => x.Token).IsUnique();
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Urgency).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Satisfaction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.PublicDescription).HasMaxLength(4000);
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.Property(x => x.PlaceCode).HasMaxLength(60);
        b.Property(x => x.CommunityPath).HasMaxLength(400);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.RequesterName).HasMaxLength(50);
        b.Property(x => x.RequesterPhoneCipher).HasMaxLength(200);
        b.Property(x => x.RequesterPhoneMasked).HasMaxLength(20);
        b.Property(x => x.MediaUrl).HasMaxLength(500);
        b.Property(x => x.HandlerPath).HasMaxLength(400);
        b.Property(x => x.HandlerName).HasMaxLength(100);
        b.Property(x => x.CoHandlerNames).HasMaxLength(500);
        b.Property(x => x.CoHandlerPaths).HasMaxLength(2000);
        b.Property(x => x.Reply).HasMaxLength(4000);
        b.Property(x => x.ExtensionReason).HasMaxLength(500);
        b.Property(x => x.RatingComment).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // The Open311 search (newest first within 90 days), the community board, a unit's queue, the escalation scan,
        // the monthly metrics (covering: one range scan per month), duplicate suggestions.
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => new { x.CommunityPath, x.CreatedAt });
        b.HasIndex(x => new { x.HandlerPath, x.Status });
        b.HasIndex(x => new { x.Escalation, x.UrgeAt });
        b.HasIndex(x => new { x.Escalation, x.Deadline });
        b.HasIndex(x => new { x.Status, x.RepliedAt });
        b.HasIndex(x => new { x.Month, x.HandlerPath, x.CommunityPath, x.Status, x.RespondedInTime, x.Satisfaction, x.Resolved, x.ClosedOnTime, x.ReopenCount, x.IsRepeat });
        b.HasIndex(x => new { x.PlacePath, x.CategoryId, x.Status });
        b.HasIndex(x => x.RequesterUserId);
    }
}

internal sealed class DemandEventConfiguration : IEntityTypeConfiguration<DemandEvent>
{
    public void Configure(EntityTypeBuilder<DemandEvent> b)
    {
        b.ToTable("demands_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.Property(x => x.HandlerName).HasMaxLength(100);
        b.HasIndex(x => new { x.DemandId, x.Id });
        b.HasIndex(x => x.At);
        b.HasOne(x => x.Demand).WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemandPhotoConfiguration : IEntityTypeConfiguration<DemandPhoto>
{
    public void Configure(EntityTypeBuilder<DemandPhoto> b)
    {
        b.ToTable("demands_photos");
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.HiddenReason).HasMaxLength(200);
        b.HasIndex(x => x.DemandId);
        b.HasOne(x => x.Demand).WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemandFollowerConfiguration : IEntityTypeConfiguration<DemandFollower>
{
    public void Configure(EntityTypeBuilder<DemandFollower> b)
    {
        b.ToTable("demands_followers");
        b.HasIndex(x => new { x.DemandId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Demand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("demands_calendar");
        b.HasKey(x => x.Date);
        b.Property(x => x.Name).HasMaxLength(50);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("demands_notifications");
        b.Property(x => x.HandlerPath).HasMaxLength(400);
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.UserId, x.Id });
        b.HasIndex(x => new { x.HandlerPath, x.Id });
        b.HasOne(x => x.Demand).WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.ToTable("demands_open311_clients");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.KeyHash).HasMaxLength(100);
        b.Property(x => x.KeyPrefix).HasMaxLength(20);
        b.HasIndex(x => x.KeyHash).IsUnique();
    }
}
