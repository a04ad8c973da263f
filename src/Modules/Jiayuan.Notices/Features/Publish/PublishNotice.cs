using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Hosting;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Data;
using Jiayuan.Notices.Domain;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Notices.Features.Publish;

/// <summary>What staff write to publish or edit a notice.</summary>
public sealed record NoticeInput(long PlaceId, NoticeBoard? Board, string? Title, string? BodyHtml, DateTimeOffset? PublishAt = null,
    DateTimeOffset? ExpireAt = null, bool Pinned = false);

public sealed record NoticeCreated(long Id, string Url);

/// <summary>Community workers publish notices to a community, subdistrict admins also to the whole subdistrict; both can edit them.</summary>
public static class PublishNotice
{
    internal static readonly Role[] Publishers = [Role.CommunityWorker, Role.SubdistrictAdmin];

    public static RouteGroupBuilder MapPublishNotice(this RouteGroupBuilder api)
    {
        api.MapPost("/notices", async Task<Results<Created<NoticeCreated>, ValidationProblem, ForbidHttpResult>> (
                NoticeInput input, NoticeWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (id, errors, forbidden) = await writer.SaveAsync(null, input, user, ct);
                if (forbidden)
                {
                    return TypedResults.Forbid();
                }
                return id is { } created
                    ? TypedResults.Created($"/api/v1/notices/{created}", new NoticeCreated(created, $"/notices/{created}"))
                    : errors.ToProblem();
            })
            .RequireAuthorization().WithName("PublishNotice").WithSummary("Publish a notice to a community or the subdistrict.");
        api.MapPut("/notices/{id:long}", async Task<Results<Ok<NoticeCreated>, ValidationProblem, ForbidHttpResult, NotFound>> (
                long id, NoticeInput input, NoticeWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (saved, errors, forbidden) = await writer.SaveAsync(id, input, user, ct);
                if (forbidden)
                {
                    return TypedResults.Forbid();
                }
                if (saved is null && !errors.Any)
                {
                    return TypedResults.NotFound();
                }
                return saved is { } s ? TypedResults.Ok(new NoticeCreated(s, $"/notices/{s}")) : errors.ToProblem();
            })
            .RequireAuthorization().WithName("UpdateNotice").WithSummary("Edit a notice (title, body, dates, pinning).");
        return api;
    }
}

/// <summary>Validates and stores notices; used by the API, the staff page and other modules (<see cref="INoticePublisher"/>).</summary>
internal sealed class NoticeWriter(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l, Jiayuan.Core.Caching.ICacheBus cacheBus)
    : INoticePublisher
{
    public FieldErrors NewErrors() => new(l);

    public async Task<(long? Id, FieldErrors Errors, bool Forbidden)> SaveAsync(long? id, NoticeInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        Notice? notice = null;
        if (id is { } existingId)
        {
            notice = await db.Set<Notice>().FirstOrDefaultAsync(n => n.Id == existingId, ct);
            if (notice is null || !user.Covers(notice.PlacePath, PublishNotice.Publishers))
            {
                return (null, errors, notice is not null);
            }
        }
        var place = await places.FindAsync(input.PlaceId, ct);
        if (place is null || place.Kind is not (PlaceKind.Community or PlaceKind.Subdistrict))
        {
            errors.Add("placeId", "Choose the community (or the whole subdistrict) to publish to.");
        }
        else if (!user.Covers(place.Path, PublishNotice.Publishers))
        {
            return (null, errors, true);
        }
        if (input.Board is null || !Enum.IsDefined(input.Board.Value))
        {
            errors.Add("board", "Choose a board.");
        }
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title");
        errors.Required("bodyHtml", input.BodyHtml, "Content").MaxLength("bodyHtml", input.BodyHtml, 100_000, "Content");
        var html = input.BodyHtml is null ? "" : RichText.Sanitize(input.BodyHtml);
        var text = RichText.ToPlainText(html);
        if (!string.IsNullOrWhiteSpace(input.BodyHtml) && text.Length == 0 && !html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("bodyHtml", "The content is empty once unsafe HTML (scripts, event handlers) is removed.");
        }
        var now = clock.GetUtcNow();
        var publishAt = (input.PublishAt ?? notice?.PublishAt ?? now).ToUniversalTime();
        if (input.ExpireAt is { } expire && expire <= publishAt)
        {
            errors.Add("expireAt", "The expiry date must be after the publication date.");
        }
        if (errors.Any || place is null)
        {
            return (null, errors, false);
        }
        if (notice is null)
        {
            notice = new Notice
            {
                PlacePath = place.Path,
                PlaceName = place.Name,
                Title = "",
                BodyHtml = "",
                BodyText = "",
                AuthorId = user.UserId(),
                AuthorName = user.FindFirst("jy:name")?.Value ?? user.Identity?.Name ?? "",
                CreatedAt = now,
            };
            db.Add(notice);
        }
        notice.PlaceId = place.Id;
        notice.PlacePath = place.Path;
        notice.PlaceName = place.Name;
        notice.Board = input.Board!.Value;
        notice.Title = input.Title!.Trim();
        notice.BodyHtml = html;
        notice.BodyText = text;
        notice.PublishAt = publishAt;
        notice.ExpireAt = input.ExpireAt?.ToUniversalTime();
        notice.Pinned = input.Pinned;
        notice.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await ChangedAsync(ct);
        return (notice.Id, errors, false);
    }

    /// <summary>Drops cached copies after any notice write.</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        NoticeQueries.Signal.Invalidate();
        await cacheBus.EvictTagAsync(CachePolicies.HomeTag, ct);
    }

    public async Task<long> PublishAsync(long placeId, NoticeBoard board, string title, string html, CancellationToken cancellationToken = default)
    {
        var place = await places.FindAsync(placeId, cancellationToken) ?? throw new ArgumentException("Unknown place.", nameof(placeId));
        var now = clock.GetUtcNow();
        var sanitized = RichText.Sanitize(html);
        var notice = new Notice
        {
            PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Board = board, Title = title, BodyHtml = sanitized,
            BodyText = RichText.ToPlainText(sanitized), PublishAt = now, AuthorName = "system", CreatedAt = now, UpdatedAt = now,
        };
        db.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return notice.Id;
    }
}
