using Jiayuan.Core.Data;
using Jiayuan.Core.Messaging;
using Jiayuan.Demands.Domain;

namespace Jiayuan.Demands.Features;

/// <summary>
/// Tells the requester and the handling unit what happened, in the same transaction as the change: in-app notifications,
/// and an SMS (the development channel writes it to the outbox) for requesters who submitted without an account.
/// </summary>
internal static class DemandNotifier
{
    public static void Notify(JiayuanDbContext db, Demand d, DateTimeOffset now, string? toRequester, string? toHandler)
    {
        if (toRequester is not null)
        {
            if (d.RequesterUserId is { } userId)
            {
                db.Add(new Notification { UserId = userId, DemandId = d.Id, Demand = d, Text = toRequester, CreatedAt = now });
            }
            else if (d.RequesterPhoneMasked is { } phone)
            {
                db.Add(new OutboxMessage { Channel = "sms", RecipientMasked = phone, Body = $"【家园】{toRequester}（{d.Token}）", CreatedAt = now });
            }
        }
        if (toHandler is not null && d.HandlerPath is { } handler)
        {
            db.Add(new Notification { HandlerPath = handler, DemandId = d.Id, Demand = d, Text = toHandler, CreatedAt = now });
        }
    }
}
