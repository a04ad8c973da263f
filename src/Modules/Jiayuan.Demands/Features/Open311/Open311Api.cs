using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Text;
using Jiayuan.Demands.Contracts;
using Jiayuan.Demands.Domain;
using Jiayuan.Demands.Features.Catalogue;
using Jiayuan.Demands.Features.Submit;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Demands.Features.Open311;

/// <summary>One extra field of a category (an Open311 service attribute), as stored in <see cref="Category.AttributesJson"/>.</summary>
internal sealed record ServiceAttribute(bool Variable, string Code, string Datatype, bool Required, string? DatatypeDescription, int Order, string Description,
    IReadOnlyList<ServiceAttributeValue>? Values);

internal sealed record ServiceAttributeValue(string Key, string Name);

/// <summary>Open311 GeoReport v2 at /open311/v2 (docs/api.md, ../shared/design/OPEN311.md), JSON and XML.</summary>
public static class Open311Endpoints
{
    private const string Fmt = "{format:regex(^(json|xml)$)}";
    private const int MaxDays = 90;
    private const int MaxRequests = 1000;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Output-cache tag of everything public about demands; evicted on every change (<see cref="DemandChanges"/>).</summary>
    public const string OutputCacheTag = "demands-public";

    private static void Cached(OutputCachePolicyBuilder b) =>
        b.Expire(TimeSpan.FromMinutes(5)).SetVaryByQuery("*").Tag(OutputCacheTag);

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/open311/v2").AllowAnonymous().WithTags("Open311").DisableAntiforgery();
        g.MapGet($"/discovery.{Fmt}", Discovery).WithName("Open311Discovery");
        g.MapGet($"/services.{Fmt}", ServicesAsync).WithName("Open311Services");
        g.MapGet("/services/{code}." + Fmt, ServiceDefinitionAsync).WithName("Open311ServiceDefinition");
        g.MapPost($"/requests.{Fmt}", CreateAsync).WithName("Open311CreateRequest");
        g.MapGet("/tokens/{token}." + Fmt, TokenAsync).WithName("Open311Token");
        // Public reads are output-cached (aggregators poll the same URLs); any change to any demand evicts them (OutputCacheTag).
        g.MapGet($"/requests.{Fmt}", SearchAsync).WithName("Open311SearchRequests").CacheOutput(b => Cached(b));
        g.MapGet("/requests/{id}." + Fmt, OneAsync).WithName("Open311Request").CacheOutput(b => Cached(b));
        g.MapGet($"/servicerequestupdates.{Fmt}", UpdatesAsync).WithName("Open311Updates");
        return app;
    }

    private static IResult Discovery(string format, HttpRequest request)
    {
        var url = $"{request.Scheme}://{request.Host}/open311/v2";
        return Open311Format.Write(format, new O311Object()
            .Set("changeset", "2026-11-28T00:00:00+08:00")
            .Set("contact", "石羊街道党群服务中心 · 双向办")
            .Set("key_service", $"{request.Scheme}://{request.Host}/staff/demands/admin")
            .Set("endpoints", new O311List("endpoints", "endpoint", [new O311Object()
                .Set("specification", "http://wiki.open311.org/GeoReport_v2").Set("url", url).Set("changeset", "2026-11-28T00:00:00+08:00").Set("type", "production")
                .Set("formats", new O311List("formats", "format", ["application/json", "text/xml"]))])), "discovery");
    }

    /// <summary>400 for a jurisdiction other than ours; an empty one is absent.</summary>
    private static async Task<IResult?> CheckJurisdictionAsync(string format, string? jurisdiction, IPlaceDirectory places, bool required, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(jurisdiction))
        {
            return required ? Open311Format.Errors(format, 400, "jurisdiction_id is required.") : null;
        }
        var root = await places.RootAsync(ct);
        return jurisdiction.Trim() == root.Code ? null : Open311Format.Errors(format, 404, $"jurisdiction_id {jurisdiction} is not served here (ours is {root.Code}).");
    }

    private static async Task<IResult> ServicesAsync(string format, string? jurisdiction_id, DemandRouter router, IPlaceDirectory places, CancellationToken ct)
    {
        if (await CheckJurisdictionAsync(format, jurisdiction_id, places, false, ct) is { } bad)
        {
            return bad;
        }
        var catalogue = await router.CatalogueAsync(ct);
        return Open311Format.Write(format, new O311List("services", "service", [.. catalogue.ById.Values.Where(c => c.Active).OrderBy(c => c.Code).Select(c => new O311Object()
            .Set("service_code", c.Code).Set("service_name", c.Name).Set("description", c.Description ?? "").Set("metadata", c.AttributesJson is not null)
            .Set("type", "realtime").Set("keywords", c.Keywords ?? "").Set("group", c.Group))]));
    }

    internal static IReadOnlyList<ServiceAttribute> Attributes(Category c) =>
        c.AttributesJson is null ? [] : JsonSerializer.Deserialize<List<ServiceAttribute>>(c.AttributesJson, Json) ?? [];

    private static async Task<IResult> ServiceDefinitionAsync(string format, string code, string? jurisdiction_id, DemandRouter router, IPlaceDirectory places, CancellationToken ct)
    {
        if (await CheckJurisdictionAsync(format, jurisdiction_id, places, false, ct) is { } bad)
        {
            return bad;
        }
        var catalogue = await router.CatalogueAsync(ct);
        if (!catalogue.ByCode.TryGetValue(code, out var c) || !c.Active)
        {
            return Open311Format.Errors(format, 404, $"service_code {code} not found.");
        }
        var attributes = Attributes(c).OrderBy(a => a.Order).Select(a => (object?)new O311Object()
            .Set("variable", a.Variable).Set("code", a.Code).Set("datatype", a.Datatype).Set("required", a.Required)
            .Set("datatype_description", a.DatatypeDescription ?? "").Set("order", a.Order).Set("description", a.Description)
            .Set("values", new O311List("values", "value", [.. (a.Values ?? []).Select(v => (object?)new O311Object().Set("key", v.Key).Set("name", v.Name))])));
        var definition = new O311Object().Set("service_code", c.Code).Set("attributes", new O311List("attributes", "attribute", [.. attributes]));
        return Open311Format.Write(format, definition, "service_definition");
    }

    private static async Task<IResult> CreateAsync(string format, HttpRequest request, DemandIntake intake, IPlaceDirectory places, DemandRouter router, JiayuanDbContext db, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Open311Format.Errors(format, 400, "Send application/x-www-form-urlencoded.");
        }
        var form = await request.ReadFormAsync(ct);
        string? F(string key) => form.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        var key = F("api_key");
        var client = key is null ? null : await db.Set<Open311Client>().AsNoTracking().FirstOrDefaultAsync(c => c.KeyHash == Open311Keys.Hash(key) && !c.Revoked, ct);
        if (client is null)
        {
            return Open311Format.Errors(format, 403, key is null ? "api_key is required." : "api_key is not valid.");
        }
        if (await CheckJurisdictionAsync(format, F("jurisdiction_id"), places, true, ct) is { } bad)
        {
            return bad;
        }
        var errors = new List<string>();
        var code = F("service_code");
        var catalogue = await router.CatalogueAsync(ct);
        Category? category = null;
        if (code is null)
        {
            errors.Add("service_code is required.");
        }
        else if (!catalogue.ByCode.TryGetValue(code, out category) || !category.Active)
        {
            errors.Add($"service_code {code} not found.");
        }
        double? lat = null, lon = null;
        if (F("lat") is { } latText || F("long") is not null)
        {
            if (double.TryParse(F("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && double.TryParse(F("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo))
            {
                (lat, lon) = (la, lo);
            }
            else
            {
                errors.Add("lat and long must both be decimal degrees (WGS-84).");
            }
        }
        var address = F("address_string");
        var addressId = F("address_id");
        if (lat is null && address is null && addressId is null && errors.Count == 0)
        {
            errors.Add("A location is required: lat and long, address_string or address_id.");
        }
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        if (category is not null)
        {
            foreach (var a in Attributes(category).Where(a => a.Variable))
            {
                var multi = form[$"attribute[{a.Code}][]"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
                var single = F($"attribute[{a.Code}]");
                if (a.Datatype == "multivaluelist" ? multi.Count == 0 && single is null : single is null)
                {
                    if (a.Required)
                    {
                        errors.Add($"attribute[{a.Code}] is required ({a.Description}).");
                    }
                    continue;
                }
                var values = a.Datatype == "multivaluelist" ? (multi.Count > 0 ? multi : [single!]) : [single!];
                if (a.Values is { Count: > 0 } allowed && values.Any(v => allowed.All(x => x.Key != v)))
                {
                    errors.Add($"attribute[{a.Code}] must be one of {string.Join(", ", allowed.Select(x => x.Key))}.");
                    continue;
                }
                if (a.Datatype == "number" && !decimal.TryParse(values[0], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"attribute[{a.Code}] must be a number.");
                    continue;
                }
                if (a.Datatype == "datetime" && !DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add($"attribute[{a.Code}] must be an ISO 8601 date and time.");
                    continue;
                }
                attributes[a.Code] = a.Datatype == "multivaluelist" ? values : values[0];
            }
        }
        var description = F("description");
        if (description is { Length: > 4000 })
        {
            errors.Add("description must be at most 4000 characters.");
        }
        var media = F("media_url");
        if (media is not null && !WebLinks.IsHttp(media))
        {
            errors.Add("media_url must be an http(s) URL.");
        }
        if (errors.Count > 0)
        {
            return Open311Format.Errors(format, 400, [.. errors]);
        }
        var name = string.Join("", new[] { F("last_name"), F("first_name") }.Where(x => x is not null));
        var input = new SubmitDemandInput(code, null, null, description ?? category!.Name, addressId, address, lat, lon, name.Length == 0 ? null : name, F("phone"));
        var (demand, fieldErrors, status) = await intake.SubmitAsync(input, [], new ClaimsPrincipal(new ClaimsIdentity()),
            new SubmitExtras(client.Id, attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes, Json), media), ct);
        if (demand is null)
        {
            var all = fieldErrors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{Open311Field(e.Key)}: {m}")).ToArray();
            return Open311Format.Errors(format, status == 404 ? 404 : 400, all);
        }
        return Open311Format.Write(format, new O311List("service_requests", "request", [new O311Object()
            .Set("service_request_id", demand.Id.ToString(CultureInfo.InvariantCulture))
            .Set("service_notice", Notice(demand))
            .Set("account_id", F("account_id") ?? "")]), 201);
    }

    private static string Open311Field(string field) => field switch
    {
        "placeCode" => "address_id",
        "lat" => "lat",
        "phone" => "phone",
        "name" => "first_name",
        "category" => "service_code",
        _ => field,
    };

    private static string Notice(Demand d) => d.Deadline is { } deadline ? $"已派至{d.HandlerName}，{Open311Format.Date(deadline)}前答复" : "";

    private static async Task<IResult> TokenAsync(string format, string token, JiayuanDbContext db, CancellationToken ct)
    {
        var id = await db.Set<Demand>().AsNoTracking().Where(d => d.Token == token).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
        return id is null
            ? Open311Format.Errors(format, 404, $"token {token} not found.")
            : Open311Format.Write(format, new O311List("service_requests", "request", [new O311Object().Set("service_request_id", id.Value.ToString(CultureInfo.InvariantCulture)).Set("token", token)]));
    }

    /// <summary>The columns a request needs (a projection, so a list of 1000 reads no personal data and no blobs).</summary>
    internal sealed record RequestRow(long Id, long CategoryId, DemandStatus Status, string? HandlerName, string PublicDescription, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? Deadline, string? Address, string? PlaceCode, string? PlaceName, double? Latitude, double? Longitude, string? MediaUrl, int Escalation);

    private static IQueryable<RequestRow> Rows(IQueryable<Demand> q) => q.Select(d => new RequestRow(d.Id, d.CategoryId, d.Status, d.HandlerName, d.PublicDescription, d.CreatedAt,
        d.UpdatedAt, d.Deadline, d.Address, d.PlaceCode, d.PlaceName, d.Latitude, d.Longitude, d.MediaUrl, d.Escalation));

    private static async Task<IResult> SearchAsync(string format, HttpRequest request, string? jurisdiction_id, string? service_request_id, string? service_code,
        string? start_date, string? end_date, string? status, int? page, int? page_size, string? extensions,
        JiayuanDbContext db, DemandRouter router, IPlaceDirectory places, TimeProvider clock, CancellationToken ct)
    {
        if (await CheckJurisdictionAsync(format, jurisdiction_id, places, false, ct) is { } bad)
        {
            return bad;
        }
        var catalogue = await router.CatalogueAsync(ct);
        var query = db.Set<Demand>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = new List<long>();
            foreach (var part in service_request_id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return Open311Format.Errors(format, 400, $"service_request_id {part} is not a request id.");
                }
                ids.Add(id);
            }
            query = query.Where(d => ids.Contains(d.Id));
        }
        else
        {
            var now = clock.GetUtcNow();
            DateTimeOffset? start = null, end = null;
            if (!string.IsNullOrWhiteSpace(start_date))
            {
                if (!DateTimeOffset.TryParse(start_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                {
                    return Open311Format.Errors(format, 400, "start_date must be an ISO 8601 date and time.");
                }
                start = s;
            }
            if (!string.IsNullOrWhiteSpace(end_date))
            {
                if (!DateTimeOffset.TryParse(end_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e))
                {
                    return Open311Format.Errors(format, 400, "end_date must be an ISO 8601 date and time.");
                }
                end = e;
            }
            end ??= start is { } st ? Min(st.AddDays(MaxDays), now) : now;
            start ??= end.Value.AddDays(-MaxDays);
            if (end < start)
            {
                return Open311Format.Errors(format, 400, "end_date is before start_date.");
            }
            if (end.Value - start.Value > TimeSpan.FromDays(MaxDays))
            {
                return Open311Format.Errors(format, 400, $"The span from start_date to end_date is at most {MaxDays} days.");
            }
            var (from, to) = (start.Value.ToUniversalTime(), end.Value.ToUniversalTime());
            query = query.Where(d => d.CreatedAt >= from && d.CreatedAt <= to);
            if (!string.IsNullOrWhiteSpace(service_code))
            {
                var codes = service_code.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var categoryIds = codes.Select(c => catalogue.ByCode.TryGetValue(c, out var cat) ? cat.Id : -1).ToList();
                query = query.Where(d => categoryIds.Contains(d.CategoryId));
            }
            if (!string.IsNullOrWhiteSpace(status))
            {
                var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (wanted.Any(w => w is not ("open" or "closed")))
                {
                    return Open311Format.Errors(format, 400, "status is open, closed, or both.");
                }
                if (wanted.Contains("open") && !wanted.Contains("closed"))
                {
                    query = query.Where(d => d.Status != DemandStatus.Closed);
                }
                else if (wanted.Contains("closed") && !wanted.Contains("open"))
                {
                    query = query.Where(d => d.Status == DemandStatus.Closed);
                }
            }
        }
        var size = Math.Clamp(page_size ?? MaxRequests, 1, MaxRequests);
        var number = Math.Max(1, page ?? 1);
        // The first 1000 (newest first), paged within them.
        var skip = (number - 1) * size;
        var take = Math.Max(0, Math.Min(size, MaxRequests - skip));
        var rows = take == 0 ? [] : await Rows(query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)).Skip(skip).Take(take).ToListAsync(ct);
        return await WriteRequestsAsync(format, request, rows, extensions == "true", db, catalogue, ct);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<IResult> OneAsync(string format, string id, HttpRequest request, string? jurisdiction_id, string? extensions, JiayuanDbContext db, DemandRouter router, IPlaceDirectory places, CancellationToken ct)
    {
        if (await CheckJurisdictionAsync(format, jurisdiction_id, places, false, ct) is { } bad)
        {
            return bad;
        }
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var demandId)
            || await Rows(db.Set<Demand>().AsNoTracking().Where(d => d.Id == demandId)).FirstOrDefaultAsync(ct) is not { } row)
        {
            return Open311Format.Errors(format, 404, $"service_request_id {id} not found.");
        }
        return await WriteRequestsAsync(format, request, [row], extensions == "true", db, await router.CatalogueAsync(ct), ct);
    }

    private static async Task<IResult> WriteRequestsAsync(string format, HttpRequest request, IReadOnlyList<RequestRow> rows, bool extended, JiayuanDbContext db,
        DemandRouter.Catalogue catalogue, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var photos = ids.Count == 0 ? [] : await db.Set<DemandPhoto>().AsNoTracking().Where(p => ids.Contains(p.DemandId) && p.HiddenAt == null)
            .GroupBy(p => p.DemandId).Select(g => new { DemandId = g.Key, Id = g.Min(p => p.Id) }).ToListAsync(ct);
        var photoOf = photos.ToDictionary(p => p.DemandId, p => p.Id);
        Dictionary<long, List<DemandEvent>>? notes = null;
        if (extended && ids.Count > 0)
        {
            notes = (await db.Set<DemandEvent>().AsNoTracking().Where(e => ids.Contains(e.DemandId) && e.Public).OrderBy(e => e.Id).ToListAsync(ct))
                .GroupBy(e => e.DemandId).ToDictionary(g => g.Key, g => g.ToList());
        }
        var origin = $"{request.Scheme}://{request.Host}";
        var items = new List<object?>(rows.Count);
        foreach (var r in rows)
        {
            var category = catalogue.ById.GetValueOrDefault(r.CategoryId);
            var o = new O311Object()
                .Set("service_request_id", r.Id.ToString(CultureInfo.InvariantCulture))
                .Set("status", r.Status == DemandStatus.Closed ? "closed" : "open")
                .Set("status_notes", StatusNotes(r.Status, r.Escalation))
                .Set("service_name", category?.Name ?? "")
                .Set("service_code", category?.Code ?? "")
                .Set("description", r.PublicDescription)
                .Set("agency_responsible", r.HandlerName ?? "")
                .Set("service_notice", "")
                .Set("requested_datetime", Open311Format.Date(r.CreatedAt))
                .Set("updated_datetime", Open311Format.Date(r.UpdatedAt))
                .Set("expected_datetime", Open311Format.Date(r.Deadline))
                .Set("address", r.Address is { } a ? DemandRules.MaskPersonalData(a) : r.PlaceName ?? "")
                .Set("address_id", r.PlaceCode ?? "")
                .Set("zipcode", "")
                .Set("lat", r.Latitude)
                .Set("long", r.Longitude)
                .Set("media_url", r.MediaUrl ?? (photoOf.TryGetValue(r.Id, out var pid) ? $"{origin}/api/v1/demands/{r.Id}/photos/{pid}" : ""));
            if (notes is not null)
            {
                var list = notes.GetValueOrDefault(r.Id) ?? [];
                o.Set("extended_attributes", new O311Object().Set("notes", new O311List("notes", "note", [.. list.Select(e => (object?)new O311Object()
                    .Set("datetime", Open311Format.Date(e.At)).Set("description", e.Note is { } n ? DemandRules.MaskPersonalData(n) : StatusNotesFor(e.Kind)).Set("type", e.Kind.ToString()))])));
            }
            items.Add(o);
        }
        return Open311Format.Write(format, new O311List("service_requests", "request", items));
    }

    private static readonly Dictionary<DemandStatus, string> StatusChinese = new()
    {
        [DemandStatus.Registered] = "已受理", [DemandStatus.Dispatched] = "已派单", [DemandStatus.Accepted] = "已签收", [DemandStatus.InProgress] = "办理中",
        [DemandStatus.Replied] = "已回复", [DemandStatus.Closed] = "已办结", [DemandStatus.Returned] = "已退单", [DemandStatus.Reopened] = "重办",
    };

    internal static string StatusNotes(DemandStatus status, int escalation) =>
        StatusChinese[status] + (escalation >= 2 ? " · 督办" : escalation == 1 ? " · 催办" : "");

    private static string StatusNotesFor(DemandEventKind kind) => kind.ToString();

    private static async Task<IResult> UpdatesAsync(string format, string? jurisdiction_id, string? start_date, string? end_date, JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (await CheckJurisdictionAsync(format, jurisdiction_id, places, false, ct) is { } bad)
        {
            return bad;
        }
        var now = clock.GetUtcNow();
        DateTimeOffset start = now.AddDays(-1), end = now;
        if (!string.IsNullOrWhiteSpace(start_date) && !DateTimeOffset.TryParse(start_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
        {
            return Open311Format.Errors(format, 400, "start_date must be an ISO 8601 date and time.");
        }
        if (!string.IsNullOrWhiteSpace(end_date) && !DateTimeOffset.TryParse(end_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
        {
            return Open311Format.Errors(format, 400, "end_date must be an ISO 8601 date and time.");
        }
        if (end < start || end - start > TimeSpan.FromDays(MaxDays))
        {
            return Open311Format.Errors(format, 400, $"The span from start_date to end_date is at most {MaxDays} days.");
        }
        var (from, to) = (start.ToUniversalTime(), end.ToUniversalTime());
        var events = await db.Set<DemandEvent>().AsNoTracking().Where(e => e.Public && e.At >= from && e.At <= to).OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxRequests).ToListAsync(ct);
        return Open311Format.Write(format, new O311List("service_request_updates", "request_update", [.. events.Select(e => (object?)new O311Object()
            .Set("update_id", e.Id.ToString(CultureInfo.InvariantCulture))
            .Set("service_request_id", e.DemandId.ToString(CultureInfo.InvariantCulture))
            .Set("status", e.Kind is DemandEventKind.Closed or DemandEventKind.AutoClosed ? "closed" : "open")
            .Set("updated_datetime", Open311Format.Date(e.At))
            .Set("description", e.Note is { } n ? DemandRules.MaskPersonalData(n) : e.Kind.ToString())
            .Set("media_url", ""))]));
    }
}
