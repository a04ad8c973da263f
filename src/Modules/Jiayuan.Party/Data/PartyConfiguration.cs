using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiayuan.Party.Data;

internal sealed class PartyOrganizationConfiguration : IEntityTypeConfiguration<PartyOrganization>
{
    public void Configure(EntityTypeBuilder<PartyOrganization> b)
    {
        b.ToTable("party_organizations");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Path).HasMaxLength(400);
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.PlaceKind).HasMaxLength(20);
        b.Property(x => x.Secretary).HasMaxLength(50);
        b.Property(x => x.DeputySecretary).HasMaxLength(50);
        b.Property(x => x.OrganizationMember).HasMaxLength(50);
        b.Property(x => x.PropagandaMember).HasMaxLength(50);
        b.Property(x => x.DisciplineMember).HasMaxLength(50);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TwoNew).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.FormationMode).HasConversion<string>().HasMaxLength(12);
        b.Ignore(x => x.IsCourtyardBranch);
        b.Ignore(x => x.TermYears);
        b.Ignore(x => x.ElectionDue);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path).IsUnique();
        b.HasIndex(x => new { x.PlacePath, x.Kind });
        b.HasIndex(x => x.ParentId);
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> b)
    {
        b.ToTable("party_members");
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.RealName).HasMaxLength(50);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberHash).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(24);
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneMasked).HasMaxLength(16);
        b.Property(x => x.WorkUnit).HasMaxLength(120);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DuesCategory).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.DuesBase).HasPrecision(12, 2);
        b.HasIndex(x => new { x.PlacePath, x.IsTwoNew });
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        // The statistics breakdown counts probationary members of a subtree (few) without scanning the others.
        b.HasIndex(x => new { x.Status, x.PlacePath });
        b.HasIndex(x => x.IdNumberHash).IsUnique();
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A cancelled probationary membership is no longer a member: hidden from every roster, count, rule and counter; the member page,
        // the lifecycle and the import's duplicate check read past the filter (IgnoreQueryFilters).
        b.HasQueryFilter(x => x.Status != MemberStatus.Cancelled);
    }
}

internal sealed class MemberCancellationConfiguration : IEntityTypeConfiguration<MemberCancellation>
{
    public void Configure(EntityTypeBuilder<MemberCancellation> b)
    {
        b.ToTable("party_member_cancellations");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.HasIndex(x => x.MemberId).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BranchMeetingConfiguration : IEntityTypeConfiguration<BranchMeeting>
{
    public void Configure(EntityTypeBuilder<BranchMeeting> b)
    {
        b.ToTable("party_meetings");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Topic).HasMaxLength(200);
        b.HasIndex(x => new { x.OrganizationId, x.Kind, x.HeldOn });
        b.HasIndex(x => x.PlacePath);
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.ToTable("party_meeting_attendance");
        b.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.HasOne<BranchMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.ToTable("party_pledges");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.MemberName).HasMaxLength(50);
        b.Property(x => x.OrganizationName).HasMaxLength(120);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.ProgressNote).HasMaxLength(500);
        b.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.PlacePath, x.Year, x.PublicConsent });
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.ToTable("party_transfers");
        b.Property(x => x.MemberName).HasMaxLength(50);
        b.Property(x => x.FromPlacePath).HasMaxLength(400);
        b.Property(x => x.ToPlacePath).HasMaxLength(400);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.DecisionNote).HasMaxLength(300);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(x => new { x.MemberId, x.Status });
        b.HasIndex(x => new { x.FromPlacePath, x.Status });
        b.HasIndex(x => new { x.ToPlacePath, x.Status });
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> b)
    {
        b.ToTable("party_dues_payments");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.HasIndex(x => new { x.MemberId, x.Month }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Month });
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DualReportConfiguration : IEntityTypeConfiguration<DualReport>
{
    public void Configure(EntityTypeBuilder<DualReport> b)
    {
        b.ToTable("party_dual_reports");
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.CommunityPath).HasMaxLength(400);
        b.Property(x => x.Evaluation).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.EvaluationNote).HasMaxLength(300);
        b.HasIndex(x => new { x.CommunityPath, x.Year });
        b.HasIndex(x => new { x.MemberId, x.Year, x.CommunityId }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.CommunityId }).IsUnique();
    }
}

internal sealed class ServicePostConfiguration : IEntityTypeConfiguration<ServicePost>
{
    public void Configure(EntityTypeBuilder<ServicePost> b)
    {
        b.ToTable("party_service_posts");
        b.Property(x => x.CommunityPath).HasMaxLength(400);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Claimed).IsConcurrencyToken();
        b.HasIndex(x => x.CommunityPath);
    }
}

internal sealed class PostClaimConfiguration : IEntityTypeConfiguration<PostClaim>
{
    public void Configure(EntityTypeBuilder<PostClaim> b)
    {
        b.ToTable("party_post_claims");
        b.HasIndex(x => new { x.PostId, x.MemberId }).IsUnique();
        b.HasOne<ServicePost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b)
    {
        b.ToTable("party_point_rules");
        b.Property(x => x.Item).HasMaxLength(60);
        b.HasIndex(x => x.Item).IsUnique();
    }
}

internal sealed class PointAwardConfiguration : IEntityTypeConfiguration<PointAward>
{
    public void Configure(EntityTypeBuilder<PointAward> b)
    {
        b.ToTable("party_point_awards");
        b.Property(x => x.Note).HasMaxLength(200);
        b.HasIndex(x => new { x.MemberId, x.Year, x.RuleId });
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PointRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StudyRecordConfiguration : IEntityTypeConfiguration<StudyRecord>
{
    public void Configure(EntityTypeBuilder<StudyRecord> b)
    {
        b.ToTable("party_study_records");
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.Hours).HasPrecision(6, 1);
        b.HasIndex(x => new { x.MemberId, x.Year });
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingPhotoConfiguration : IEntityTypeConfiguration<MeetingPhoto>
{
    public void Configure(EntityTypeBuilder<MeetingPhoto> b)
    {
        b.ToTable("party_meeting_photos");
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => x.MeetingId);
        b.HasOne<BranchMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JointUnitConfiguration : IEntityTypeConfiguration<JointUnit>
{
    public void Configure(EntityTypeBuilder<JointUnit> b)
    {
        b.ToTable("party_joint_units");
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => new { x.OrganizationId, x.Position });
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DuesBaseSnapshotConfiguration : IEntityTypeConfiguration<DuesBaseSnapshot>
{
    public void Configure(EntityTypeBuilder<DuesBaseSnapshot> b)
    {
        b.ToTable("party_dues_bases");
        b.Property(x => x.Base).HasPrecision(12, 2);
        b.Property(x => x.Monthly).HasPrecision(12, 2);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(12);
        b.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DuesUseConfiguration : IEntityTypeConfiguration<DuesUse>
{
    public void Configure(EntityTypeBuilder<DuesUse> b)
    {
        b.ToTable("party_dues_uses");
        b.Property(x => x.PlacePath).HasMaxLength(400);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(300);
        b.HasIndex(x => new { x.OrganizationId, x.SpentOn });
        b.HasOne<PartyOrganization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberAccountConfiguration : IEntityTypeConfiguration<MemberAccount>
{
    public void Configure(EntityTypeBuilder<MemberAccount> b)
    {
        b.ToTable("party_member_accounts");
        b.Property(x => x.LinkedBy).HasMaxLength(8);
        b.HasIndex(x => x.MemberId).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasOne<PartyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
