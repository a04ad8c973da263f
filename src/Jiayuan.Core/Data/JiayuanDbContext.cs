using Jiayuan.Core.Audit;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Core.Data;

/// <summary>The one database context, composed from the kernel's tables and every module's configurations.</summary>
public sealed class JiayuanDbContext(DbContextOptions<JiayuanDbContext> options)
    : IdentityUserContext<AppUser, long>(options)
{
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SmsCode> SmsCodes => Set<SmsCode>();

    /// <summary>True when the context talks to PostgreSQL (some queries differ, e.g. text search).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (!IsPostgres)
        {
            // SQLite cannot compare or sort DateTimeOffset stored as text; as a long it can. The long encodes the value's own clock
            // ticks, so it sorts by instant only because every value is written in UTC (writers normalize; see decision 0003).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(u =>
        {
            u.ToTable("core_users");
            u.HasIndex(x => x.PhoneHash).IsUnique();
            u.HasIndex(x => x.IdNumberHash);
            u.Property(x => x.PhoneHash).HasMaxLength(64);
            u.Property(x => x.IdNumberHash).HasMaxLength(64);
            u.Property(x => x.PhoneCipher).HasMaxLength(200);
            u.Property(x => x.IdNumberCipher).HasMaxLength(200);
            u.Property(x => x.RealName).HasMaxLength(50);
            u.Property(x => x.DisplayName).HasMaxLength(50);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<long>>().ToTable("core_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<long>>().ToTable("core_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<long>>().ToTable("core_user_tokens");
        builder.Entity<RoleGrant>(g =>
        {
            g.ToTable("core_role_grants");
            g.HasIndex(x => new { x.UserId, x.Role, x.NodePath }).IsUnique();
            g.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            g.Property(x => x.NodePath).HasMaxLength(400);
        });
        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("core_audit");
            a.HasIndex(x => x.At);
            a.HasIndex(x => new { x.EntityType, x.EntityId });
            a.Property(x => x.Action).HasMaxLength(40);
            a.Property(x => x.EntityType).HasMaxLength(80);
            a.Property(x => x.EntityId).HasMaxLength(80);
            a.Property(x => x.UserName).HasMaxLength(100);
            a.Property(x => x.RemoteAddress).HasMaxLength(64);
        });
        builder.Entity<IdempotencyRecord>(i =>
        {
            i.ToTable("core_idempotency");
            i.HasIndex(x => new { x.Key, x.Caller }).IsUnique();
            i.Property(x => x.Key).HasMaxLength(100);
            i.Property(x => x.Caller).HasMaxLength(100);
            i.Property(x => x.Path).HasMaxLength(400);
            i.Property(x => x.ContentType).HasMaxLength(100);
            i.Property(x => x.Location).HasMaxLength(400);
        });
        builder.Entity<OutboxMessage>(o =>
        {
            o.ToTable("core_outbox");
            o.HasIndex(x => x.CreatedAt);
            o.Property(x => x.Channel).HasMaxLength(20);
            o.Property(x => x.RecipientMasked).HasMaxLength(40);
        });
        builder.Entity<SmsCode>(s =>
        {
            s.ToTable("core_sms_codes");
            s.HasIndex(x => new { x.PhoneHash, x.CreatedAt });
            s.Property(x => x.PhoneHash).HasMaxLength(64);
            s.Property(x => x.Code).HasMaxLength(10);
        });
        ModelRegistry.Apply(builder);
    }
}
