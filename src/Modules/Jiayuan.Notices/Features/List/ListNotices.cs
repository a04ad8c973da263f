using System.Security.Claims;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Data;
using Jiayuan.Notices.Features.Publish;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jiayuan.Notices.Features.List;

/// <summary>The notices a community's residents see (the community's and the subdistrict's), by board, with search.</summary>
public static class ListNotices
{
    public static RouteGroupBuilder MapListNotices(this RouteGroupBuilder api)
    {
        api.MapGet("/notices", async Task<Results<Ok<Page<NoticeListItem>>, NotFound>> (
                long? placeId, NoticeBoard? board, string? q, int? page, int? pageSize,
                IPlaceDirectory places, JiayuanDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                var place = placeId is { } id ? await places.FindAsync(id, ct) : await places.RootAsync(ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                var result = await NoticeQueries.ListAsync(db, new NoticeFilter(place.Path, board, q, page ?? 1, pageSize ?? 20), user.UserId(),
                    user.Covers(place.Path, PublishNotice.Publishers), clock.GetUtcNow(), ct);
                return TypedResults.Ok(result);
            })
            .AllowAnonymous().WithName("ListNotices").WithSummary("Notices visible in a community (or the subdistrict), newest and pinned first; q searches title and text.");
        return api;
    }
}
