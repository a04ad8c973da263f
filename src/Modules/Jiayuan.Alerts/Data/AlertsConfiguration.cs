using Jiayuan.Alerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Alerts.Data;

internal sealed class ResponderConfiguration : IEntityTypeConfiguration<Responder>
{
    public void Configure(EntityTypeBuilder<Responder> b)
    {
        b.ToTable("alerts_responders");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Duty).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasMany(x => x.Areas).WithOne().HasForeignKey(a => a.ResponderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResponderAreaConfiguration : IEntityTypeConfiguration<ResponderArea>
{
    public void Configure(EntityTypeBuilder<ResponderArea> b)
    {
        b.ToTable("alerts_responder_areas");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.HasIndex(x => x.PlacePath);
        b.HasIndex(x => new { x.ResponderId, x.PlaceId }).IsUnique();
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("alerts_alerts");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.RaisedByName).HasMaxLength(100);
        b.Property(x => x.RaisedFromIp).HasMaxLength(64);
        b.HasIndex(x => new { x.PlacePath, x.RaisedAt });
        b.HasIndex(x => x.EscalateAt);
        b.HasIndex(x => new { x.RaisedById, x.RaisedAt });
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> b)
    {
        b.ToTable("alerts_events");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ResponderName).HasMaxLength(100);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.AlertId, x.Id });
        b.HasOne<Alert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertRecipientConfiguration : IEntityTypeConfiguration<AlertRecipient>
{
    public void Configure(EntityTypeBuilder<AlertRecipient> b)
    {
        b.ToTable("alerts_recipients");
        b.HasIndex(x => new { x.AlertId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Alert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RaiserBlockConfiguration : IEntityTypeConfiguration<RaiserBlock>
{
    public void Configure(EntityTypeBuilder<RaiserBlock> b)
    {
        b.ToTable("alerts_raiser_blocks");
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => x.UserId).IsUnique();
    }
}

internal sealed class PatrolShiftConfiguration : IEntityTypeConfiguration<PatrolShift>
{
    public void Configure(EntityTypeBuilder<PatrolShift> b)
    {
        b.ToTable("alerts_patrol_shifts");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.HasIndex(x => new { x.PlacePath, x.StartsAt });
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ShiftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PatrolMemberConfiguration : IEntityTypeConfiguration<PatrolMember>
{
    public void Configure(EntityTypeBuilder<PatrolMember> b)
    {
        b.ToTable("alerts_patrol_members");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.HasIndex(x => new { x.ShiftId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class PatrolLogConfiguration : IEntityTypeConfiguration<PatrolLog>
{
    public void Configure(EntityTypeBuilder<PatrolLog> b)
    {
        b.ToTable("alerts_patrol_logs");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.HasIndex(x => x.ShiftId);
        b.HasOne<PatrolShift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertPhotoConfiguration : IEntityTypeConfiguration<AlertPhoto>
{
    public void Configure(EntityTypeBuilder<AlertPhoto> b)
    {
        b.ToTable("alerts_photos");
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.AlertId);
        b.HasOne<Alert>().WithMany().HasForeignKey(x => x.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
