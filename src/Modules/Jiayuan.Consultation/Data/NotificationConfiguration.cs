using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("consultation_notification_preferences");
        b.HasIndex(x => x.UserId).IsUnique();
    }
}

internal sealed class PendingNotificationConfiguration : IEntityTypeConfiguration<PendingNotification>
{
    public void Configure(EntityTypeBuilder<PendingNotification> b)
    {
        b.ToTable("consultation_notifications");
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Url).HasMaxLength(200);
        b.HasIndex(x => new { x.MessageId, x.UserId });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("consultation_inbox");
        b.Property(x => x.Text).HasMaxLength(8000);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}
