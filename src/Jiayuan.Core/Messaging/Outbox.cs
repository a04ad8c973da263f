using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Core.Privacy;

namespace Jiayuan.Core.Messaging;

/// <summary>A message the development channel "sent": visible to admins on the outbox page instead of leaving the machine.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Channel { get; set; }
    public required string RecipientMasked { get; set; }
    public required string Body { get; set; }
}

/// <summary>A verification code sent to a phone, looked up by the phone's keyed hash.</summary>
[NotAudited]
public sealed class SmsCode
{
    public long Id { get; set; }
    public required string PhoneHash { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Used { get; set; }
    public int Attempts { get; set; }
}

/// <summary>Sends a text message. Deployments plug in a real SMS gateway; development writes to the outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

internal sealed class OutboxSmsSender(JiayuanDbContext db, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            CreatedAt = clock.GetUtcNow(),
            Channel = "sms",
            RecipientMasked = Masking.Phone(phone),
            Body = text,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
