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
    public static void Notify(JiayuanDbContext db, Demand d, DateTimeOffset now, string? toRequester, string? toHandler) =>
        db.AddRange(Rows(d, now, toRequester, toHandler));

    /// <summary>The rows <see cref="Notify"/> adds, for callers that commit them elsewhere.</summary>
    public static IEnumerable<object> Rows(Demand d, DateTimeOffset now, string? toRequester, string? toHandler)
    {
        if (toRequester is not null)
        {
            if (d.RequesterUserId is { } userId)
            {
                yield return new Notification { UserId = userId, DemandId = d.Id, Demand = d, Text = toRequester, CreatedAt = now };
            }
            else if (d.RequesterPhoneMasked is { } phone)
            {
                yield return new OutboxMessage { Channel = "sms", RecipientMasked = phone, Body = $"【家园】{toRequester}（{d.Token}）", CreatedAt = now };
            }
        }
        if (toHandler is not null && d.HandlerPath is { } handler)
        {
            yield return new Notification { HandlerPath = handler, DemandId = d.Id, Demand = d, Text = toHandler, CreatedAt = now };
        }
    }

    /// <summary>A notification for the dispatchers of the demand's community (returns and extension requests wait for them).</summary>
    public static void ToDispatchers(JiayuanDbContext db, Demand d, DateTimeOffset now, string text) =>
        db.Add(new Notification { HandlerPath = d.CommunityPath, DemandId = d.Id, Demand = d, Text = text, CreatedAt = now });
}
