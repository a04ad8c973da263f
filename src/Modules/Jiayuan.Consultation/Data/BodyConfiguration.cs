using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> b)
    {
        b.ToTable("consultation_bodies");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => x.PlacePath);
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> b)
    {
        b.ToTable("consultation_body_members");
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Organization).HasMaxLength(100);
        b.HasIndex(x => new { x.BodyId, x.UserId }).IsUnique();
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("consultation_meetings");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.StreamUrl).HasMaxLength(500);
        b.Property(x => x.CheckInCode).HasMaxLength(10);
        b.HasIndex(x => new { x.BodyId, x.StartsAt });
        b.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("consultation_agenda_items");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Decision).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.MeetingId, x.Position }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("consultation_attendance");
        b.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BodyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpeakerRequestConfiguration : IEntityTypeConfiguration<SpeakerRequest>
{
    public void Configure(EntityTypeBuilder<SpeakerRequest> b)
    {
        b.ToTable("consultation_speakers");
        b.HasIndex(x => new { x.MeetingId, x.RequestedAt });
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BodyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
