using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Consultation.Data;

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> b)
    {
        b.ToTable("consultation_polls");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceName).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Electorate).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.PlacePath, x.ClosesAt });
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> b)
    {
        b.ToTable("consultation_poll_options");
        b.Property(x => x.Text).HasMaxLength(200);
        b.HasIndex(x => new { x.PollId, x.Position }).IsUnique();
        b.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollParticipationConfiguration : IEntityTypeConfiguration<PollParticipation>
{
    public void Configure(EntityTypeBuilder<PollParticipation> b)
    {
        b.ToTable("consultation_poll_participations");
        b.HasIndex(x => new { x.PollId, x.UserId }).IsUnique();
        b.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollBallotConfiguration : IEntityTypeConfiguration<PollBallot>
{
    public void Configure(EntityTypeBuilder<PollBallot> b)
    {
        b.ToTable("consultation_poll_ballots");
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.VoterName).HasMaxLength(100);
        b.HasIndex(x => x.PollId);
        b.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
