using System.Security.Claims;
using System.Text.RegularExpressions;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Core.Text;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Read;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiayuan.Demands.Features.Submit;

/// <summary>What someone says is wrong. Type and urgency are names (e.g. "Complaint", "Normal"); the category is a catalogue code.</summary>
public sealed record SubmitDemandInput(
    string? Category, string? Type, string? Urgency, string? Description, string? PlaceCode, string? Address,
    [property: System.Text.Json.Serialization.JsonPropertyName("lat")] double? Latitude,
    [property: System.Text.Json.Serialization.JsonPropertyName("long")] double? Longitude,
    string? Name, string? Phone, string? Channel = null);

/// <summary>The parts of an Open311 request that are not in <see cref="SubmitDemandInput"/>.</summary>
internal sealed record SubmitExtras(long? Open311ClientId = null, string? AttributesJson = null, string? MediaUrl = null);

public static partial class SubmitDemandEndpoints
{
    public const string RateLimit = "demand-submit";

    public static RouteGroupBuilder MapSubmitDemand(this RouteGroupBuilder api)
    {
        api.MapPost("/demands", async Task<Results<Created<DemandView>, ValidationProblem, NotFound, ForbidHttpResult>> (
                SubmitDemandInput input, DemandIntake intake, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (demand, errors, status) = await intake.SubmitAsync(input, [], user, new SubmitExtras(), ct);
                var view = demand is null ? null : intake.View(demand);
                return Outcome.Created(view, errors, status, v => $"/api/v1/demands/{v.Id}");
            })
            .AllowAnonymous().RequireRateLimiting(RateLimit).WithName("SubmitDemand")
            .WithSummary("Submit a demand (anonymous callers give a phone for follow-up); it is routed and dispatched at once. Retries with the same Idempotency-Key return the first response.");
        api.MapPost("/demands/{id:long}/photos", async Task<Results<Created<PhotoRef>, ValidationProblem, NotFound, ForbidHttpResult>> (
                long id, IFormFile? file, DemandIntake intake, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (row, errors, status) = await intake.AddPhotoAsync(id, file, user, ct);
                return Outcome.Created(row, errors, status, r => $"/api/v1/demands/{id}/photos/{r.Id}");
            })
            .RequireAuthorization().DisableAntiforgery().WithName("AddDemandPhoto").WithSummary("Attach a photo (image, ≤10 MB, location data removed) to one's own demand.");
        api.MapGet("/demands/similar", async (string? category, string? placeCode, double? lat, double? @long, DemandIntake intake, CancellationToken ct) =>
                Results.Ok(await intake.SimilarAsync(category, placeCode, lat, @long, ct)))
            .AllowAnonymous().WithName("SimilarDemands").WithSummary("Open demands within 50 m or in the same building, to follow instead of submitting a duplicate.");
        api.MapPost("/demands/{id:long}/follow", async Task<Results<Ok<PublicDemand>, NotFound>> (long id, DemandIntake intake, ClaimsPrincipal user, CancellationToken ct) =>
                await intake.FollowAsync(id, user, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound())
            .RequireAuthorization().WithName("FollowDemand").WithSummary("Follow an open demand (也有人反映了这个问题 — 关注它); following twice counts once.");
        return api;
    }

    public sealed record PhotoRef(long Id);

    [GeneratedRegex("<[^>]*>")]
    internal static partial Regex Tags();
}

/// <summary>Intake (受理): validates, routes, dispatches and stores a demand in one transaction.</summary>
internal sealed class DemandIntake(
    JiayuanDbContext db, SubmissionCommitter committer, DemandChanges changes, DemandRouter router, IPlaceDirectory places, WorkCalendar calendar, IPersonalDataCipher cipher,
    TimeProvider clock, IOptions<DemandOptions> options, IStringLocalizer<SharedResource> l)
{
    public const int MaxPhotos = 3;
    private IReadOnlyList<object> _committed = [];
    private Category? _category;

    /// <summary>The view of the demand this intake just stored.</summary>
    public DemandView View(Demand demand) => DemandViews.ForNew(demand, _category!, _committed);

    public async Task<(Demand? Demand, FieldErrors Errors, int Status)> SubmitAsync(
        SubmitDemandInput input, IReadOnlyList<Uploads.Accepted> photos, ClaimsPrincipal user, SubmitExtras extras, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var catalogue = await router.CatalogueAsync(ct);
        Category? category = null;
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add("category", "{0} is required.", l["Category"]);
        }
        else if (!catalogue.ByCode.TryGetValue(input.Category.Trim(), out category) || !category.Active)
        {
            errors.Add("category", "Unknown category {0}.", input.Category);
        }
        var type = category?.DefaultType ?? DemandType.Complaint;
        if (!string.IsNullOrWhiteSpace(input.Type) && !Enum.TryParse(input.Type, ignoreCase: true, out type))
        {
            errors.Add("type", "Unknown type {0}.", input.Type);
        }
        var urgency = category?.DefaultUrgency ?? Urgency.Normal;
        if (!string.IsNullOrWhiteSpace(input.Urgency) && !Enum.TryParse(input.Urgency, ignoreCase: true, out urgency))
        {
            errors.Add("urgency", "Unknown urgency {0}.", input.Urgency);
        }
        var description = SubmitDemandEndpoints.Tags().Replace(input.Description ?? "", "").Trim();
        errors.Required("description", description, "Problem description").MaxLength("description", description, 4000, "Problem description");

        PlaceSummary? place = null;
        if (!string.IsNullOrWhiteSpace(input.PlaceCode))
        {
            place = await places.FindByCodeAsync(input.PlaceCode.Trim(), ct);
            if (place is null)
            {
                errors.Add("placeCode", "Unknown place {0}.", input.PlaceCode);
            }
        }
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            if (lat is < -90 or > 90 || lon is < -180 or > 180 || double.IsNaN(lat) || double.IsNaN(lon))
            {
                errors.Add("lat", "The location is not a valid WGS-84 point.");
            }
        }
        else if (input.Latitude is not null || input.Longitude is not null)
        {
            errors.Add("lat", "Give both latitude and longitude.");
        }
        var address = input.Address?.Trim();
        errors.MaxLength("address", address, 200, "Address");
        if (place is null && input.Latitude is null && string.IsNullOrWhiteSpace(address) && !errors.Any)
        {
            errors.Add("placeCode", "Say where: pick a place, give an address or a point on the map.");
        }

        var channel = extras.Open311ClientId is null ? DemandChannel.Web : DemandChannel.Open311;
        var staff = DemandAccess.IsAnyStaff(user);
        if (!string.IsNullOrWhiteSpace(input.Channel) && extras.Open311ClientId is null)
        {
            if (!Enum.TryParse(input.Channel, ignoreCase: true, out channel) || channel == DemandChannel.Open311)
            {
                errors.Add("channel", "Unknown channel {0}.", input.Channel);
            }
            else if (channel != DemandChannel.Web && !staff)
            {
                errors.Add("channel", "Only staff register demands on someone's behalf.");
            }
        }
        var onBehalf = channel is DemandChannel.Staff or DemandChannel.Phone;
        var signedIn = user.UserId() is not null && !onBehalf;
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = Phone.Normalize(input.Phone);
            if (!Phone.IsMobile(phone))
            {
                errors.Add("phone", "Enter a valid mobile number (11 digits starting with 1).");
            }
        }
        else if (!signedIn && extras.Open311ClientId is null)
        {
            errors.Add("phone", "Without an account, leave a mobile number so the unit can call back.");
        }
        var name = input.Name?.Trim();
        errors.MaxLength("name", name, 50, "Name");
        if (photos.Count > MaxPhotos)
        {
            errors.Add("photo", "At most {0} photos.", MaxPhotos);
        }
        if (errors.Any)
        {
            return (null, errors, 400);
        }

        var now = clock.GetUtcNow();
        var communityPath = await router.CommunityPathAsync(place, ct);
        var route = await router.RouteAsync(category!, place, communityPath, ct);
        var days = await calendar.DaysAsync(ct);
        var local = Dates.ToChina(now);
        var publicPlace = await PublicPlaceAsync(place, ct);
        var repeat = place is not null && await db.Set<Demand>().AnyAsync(d => d.PlacePath == place.Path && d.CategoryId == category!.Id && d.Status != DemandStatus.Closed, ct);
        var demand = new Demand
        {
            Token = Guid.NewGuid().ToString("N"),
            Type = type, CategoryId = category!.Id, Urgency = urgency, Channel = channel,
            Description = description, PublicDescription = DemandRules.MaskPersonalData(description, name),
            PlacePath = place?.Path, PlaceCode = publicPlace?.Code, PlaceName = publicPlace?.Name, CommunityPath = communityPath,
            Address = address, Latitude = input.Latitude, Longitude = input.Longitude,
            RequesterUserId = signedIn ? user.UserId() : null, RequesterName = name,
            RequesterPhoneCipher = phone is null ? null : cipher.Protect(phone), RequesterPhoneMasked = phone is null ? null : Masking.Phone(phone),
            RegisteredByUserId = onBehalf ? user.UserId() : null, Open311ClientId = extras.Open311ClientId,
            AttributesJson = extras.AttributesJson, MediaUrl = extras.MediaUrl,
            Status = DemandStatus.Dispatched, HandlerPath = route.HandlerPath, HandlerName = route.HandlerName,
            CoHandlerNames = route.CoHandlerNames.Count == 0 ? null : string.Join("、", route.CoHandlerNames),
            CoHandlerPaths = route.CoHandlerPaths is { Count: > 0 } coPaths ? string.Join('|', coPaths) : null,
            CreatedAt = now, UpdatedAt = now, DispatchedAt = now, AcceptBy = now + DemandRules.AcceptLimit(urgency),
            Month = local.Year * 100 + local.Month, IsRepeat = repeat,
        };
        demand.SetDeadline(now, DemandRules.Deadline(days, now, urgency, type, category.FeedbackWorkingDays), options.Value.UrgeAtPercent);
        var rows = new List<object>();
        var who = onBehalf ? l["Service hall"].Value : extras.Open311ClientId is not null ? "Open311" : l["Requester"].Value;
        rows.Add(new DemandEvent { Demand = demand, At = now, Kind = DemandEventKind.Registered, Actor = who, Public = true, Note = l["Registered ({0})", l[channel.ToString()]] });
        var how = route.CoHandlerNames.Count == 0 ? route.HandlerName : $"{route.HandlerName}（{l["co-units"]}：{string.Join("、", route.CoHandlerNames)}）";
        rows.Add(new DemandEvent { Demand = demand, At = now, Kind = DemandEventKind.Dispatched, Actor = l["System"], Public = true, Note = l["Dispatched to {0}", how], HandlerName = route.HandlerName });
        foreach (var photo in photos)
        {
            rows.Add(new DemandPhoto { Demand = demand, Content = photo.Content, ContentType = photo.ContentType });
        }
        rows.AddRange(DemandNotifier.Rows(demand, now, l["Your demand was received and sent to {0}.", route.HandlerName], l["New demand to accept: {0}", Short(description)]));
        foreach (var coPath in route.CoHandlerPaths ?? [])
        {
            rows.Add(new Notification { HandlerPath = coPath, Demand = demand, Text = l["Co-handling with {0}: {1}", route.HandlerName, Short(description)], CreatedAt = now });
        }
        await committer.CommitAsync(demand, rows, ct);
        (_committed, _category) = (rows, category);
        await changes.ChangedAsync(ct);
        return (demand, errors, 201);
    }

    /// <summary>A household is never shown: the public (board, Open311 address and address_id) sees its building.</summary>
    private async Task<PlaceSummary?> PublicPlaceAsync(PlaceSummary? place, CancellationToken ct) =>
        place is { Kind: PlaceKind.Household, ParentId: { } parent } && await places.FindAsync(parent, ct) is { } building ? building : place;

    internal static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    public async Task<(SubmitDemandEndpoints.PhotoRef? Row, FieldErrors Errors, int Status)> AddPhotoAsync(long id, IFormFile? file, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var demand = await db.Set<Demand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null || !DemandAccess.CanSee(user, demand))
        {
            return (null, errors, 404);
        }
        if (!DemandAccess.IsRequester(user, demand) && !DemandAccess.IsStaff(user, demand))
        {
            return (null, errors, 403);
        }
        if (await db.Set<DemandPhoto>().CountAsync(p => p.DemandId == id, ct) >= MaxPhotos)
        {
            return (null, errors.Add("file", "At most {0} photos.", MaxPhotos), 400);
        }
        var (accepted, error) = await Uploads.ReadAsync(file, ct);
        if (accepted is null || !accepted.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return (null, errors.Add("file", error ?? "Only images can be attached to a demand."), 400);
        }
        var photo = new DemandPhoto { DemandId = id, Content = accepted.Content, ContentType = accepted.ContentType };
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return (new SubmitDemandEndpoints.PhotoRef(photo.Id), errors, 201);
    }

    /// <summary>Open demands (last 90 days) within the configured radius of the point, or in the same building as the place.</summary>
    public async Task<IReadOnlyList<PublicDemand>> SimilarAsync(string? categoryCode, string? placeCode, double? lat, double? lon, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-90);
        var query = db.Set<Demand>().AsNoTracking().Where(d => d.Status != DemandStatus.Closed && d.CreatedAt >= since);
        var candidates = new List<Demand>();
        if (!string.IsNullOrWhiteSpace(placeCode) && await places.FindByCodeAsync(placeCode.Trim(), ct) is { } place)
        {
            // The same building: the place's building ancestor (or the place itself when it is a courtyard or above).
            var anchor = place;
            foreach (var path in TreePath.Ancestors(place.Path))
            {
                if (await places.FindByPathAsync(path, ct) is { Kind: PlaceKind.Building } building)
                {
                    anchor = building;
                }
            }
            var (from, to) = TreePath.Descendants(anchor.Path);
            candidates.AddRange(await query.Where(d => d.PlacePath == anchor.Path || (string.Compare(d.PlacePath, from) >= 0 && string.Compare(d.PlacePath, to) < 0))
                .OrderByDescending(d => d.CreatedAt).Take(20).ToListAsync(ct));
        }
        if (lat is { } la && lon is { } lo)
        {
            var radius = options.Value.DuplicateRadiusMeters;
            var dLat = radius / 111_000.0;
            var dLon = radius / (111_000.0 * Math.Max(0.1, Math.Cos(la * Math.PI / 180)));
            var near = await query.Where(d => d.Latitude >= la - dLat && d.Latitude <= la + dLat && d.Longitude >= lo - dLon && d.Longitude <= lo + dLon)
                .OrderByDescending(d => d.CreatedAt).Take(50).ToListAsync(ct);
            candidates.AddRange(near.Where(d => DemandRules.Meters(la, lo, d.Latitude!.Value, d.Longitude!.Value) <= radius));
        }
        var catalogue = await router.CatalogueAsync(ct);
        long? categoryId = categoryCode is not null && catalogue.ByCode.TryGetValue(categoryCode, out var c) ? c.Id : null;
        return [.. candidates.DistinctBy(d => d.Id)
            .OrderByDescending(d => d.CategoryId == categoryId).ThenByDescending(d => d.CreatedAt).Take(5)
            .Select(d => ToPublic(d, catalogue))];
    }

    internal static PublicDemand ToPublic(Demand d, DemandRouter.Catalogue catalogue, string? returnedNote = null) =>
        new(d.Id, d.Type, catalogue.ById.TryGetValue(d.CategoryId, out var c) ? c.Name : "", d.Status, d.PublicDescription, d.PlaceName,
            d.HandlerName, d.CreatedAt, d.UpdatedAt, d.Followers, returnedNote);

    public async Task<PublicDemand?> FollowAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        var demand = await db.Set<Demand>().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null || userId is null)
        {
            return null;
        }
        if (demand.RequesterUserId != userId && !await db.Set<DemandFollower>().AnyAsync(f => f.DemandId == id && f.UserId == userId, ct))
        {
            db.Add(new DemandFollower { DemandId = id, UserId = userId.Value, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                // Counted in SQL so two followers at once both count.
                await db.Set<Demand>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Followers, d => d.Followers + 1), ct);
                demand.Followers++;
            }
            catch (DbUpdateException)
            {
                // Already following (a concurrent duplicate hit the unique index).
            }
        }
        return ToPublic(demand, await router.CatalogueAsync(ct));
    }
}

