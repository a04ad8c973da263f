using System.Security.Claims;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.Builders;

public sealed record BuilderInput(string? Name, BuilderSpecialty? Specialty, string? School, string? Background, bool Local = true, long? UserId = null);

public sealed record AssignmentInput(long? PlaceId);

public sealed record AdviceInput(long? TopicId, long? FundProjectId, string? Text, string? ResourceUrl);

public sealed record BuilderRow(long Id, string Name, BuilderSpecialty Specialty, string? School, string? Background, bool Local);

public sealed record AdviceRow(long Id, string BuilderName, long? TopicId, long? FundProjectId, string Text, string? ResourceUrl, DateTimeOffset CreatedAt);

/// <summary>A community's team of builders, by specialty.</summary>
public sealed record BuilderTeam(string PlaceName, int Space, int Activity, IReadOnlyList<BuilderRow> Builders);

/// <summary>The registry of community builders (营造师), their teams and their advice (社区智库, 社区资源库).</summary>
public static class BuilderEndpoints
{
    public static RouteGroupBuilder MapBuilders(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/builders", async (BuilderInput input, BuilderService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var outcome = await s.RegisterAsync(input, user, ct);
                return outcome.ToResult($"/api/v1/consultation/builders/{outcome.Value?.Id}");
            })
            .RequireAuthorization().WithName("RegisterBuilder").WithSummary("Register a community builder (subdistrict administrators).");
        api.MapGet("/consultation/builders", async (string? scope, BuilderService s, IPlaceDirectory places, CancellationToken ct) =>
                await places.ScopeAsync(scope, ct) is { } place ? Results.Ok(await s.TeamAsync(place, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListBuilders").WithSummary("The builders assigned under a place, counted by specialty.");
        api.MapPost("/consultation/builders/{id:long}/assignments", async (long id, AssignmentInput input, BuilderService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.AssignAsync(id, input, user, ct)).ToResult(""))
            .RequireAuthorization().WithName("AssignBuilder").WithSummary("Put a builder on a community's team.");
        api.MapPost("/consultation/builders/{id:long}/advice", async (long id, AdviceInput input, BuilderService s, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var outcome = await s.AdviseAsync(id, input, user, ct);
                return outcome.ToResult($"/api/v1/consultation/advice?topicId={outcome.Value?.TopicId}&fundProjectId={outcome.Value?.FundProjectId}");
            })
            .RequireAuthorization().WithName("AddBuilderAdvice").WithSummary("A builder records advice on a topic or fund project, with the resource it brings.");
        api.MapGet("/consultation/advice", async (long? topicId, long? fundProjectId, BuilderService s, CancellationToken ct) => Results.Ok(await s.AdviceAsync(topicId, fundProjectId, ct)))
            .AllowAnonymous().WithName("ListBuilderAdvice").WithSummary("Builders' advice on a topic or a fund project.");
        return api;
    }
}

internal sealed class BuilderService(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public FieldErrors NewErrors() => new(l);

    /// <summary>Whether the user keeps the registry (subdistrict administrators).</summary>
    public async Task<bool> KeepsRegistryAsync(ClaimsPrincipal user, CancellationToken ct) => user.Covers((await places.RootAsync(ct)).Path, Role.SubdistrictAdmin);

    /// <summary>Registers a builder (subdistrict administrators); the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<BuilderRow>> RegisterAsync(BuilderInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await KeepsRegistryAsync(user, ct))
        {
            return new(default, null, 403);
        }
        var errors = new FieldErrors(l);
        errors.Required("name", input.Name, "Name").MaxLength("name", input.Name, 100, "Name").MaxLength("school", input.School, 100, "School")
            .MaxLength("background", input.Background, 500, "Background");
        if (input.Specialty is not { } specialty || !Enum.IsDefined(specialty))
        {
            errors.Add("specialty", "Choose space and landscape, or activities.");
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var b = new Builder
        {
            Name = input.Name!.Trim(), Specialty = input.Specialty!.Value, School = input.School?.Trim(), Background = input.Background?.Trim(), Local = input.Local,
            UserId = input.UserId, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(b);
        await db.SaveChangesAsync(ct);
        return new(Row(b), null, 201);
    }

    private static BuilderRow Row(Builder b) => new(b.Id, Masking.Name(b.Name), b.Specialty, b.School, b.Background, b.Local);

    /// <summary>The whole registry (names masked), for staff choosing whom to put on their team.</summary>
    public async Task<List<BuilderRow>> RegistryAsync(CancellationToken ct) =>
        [.. (await db.Set<Builder>().AsNoTracking().OrderBy(b => b.Specialty).ThenBy(b => b.Id).Take(1000).ToListAsync(ct)).Select(Row)];

    public async Task<BuilderTeam> TeamAsync(PlaceSummary place, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(place.Path);
        var ids = db.Set<BuilderAssignment>().Where(a => a.PlacePath == place.Path || (string.Compare(a.PlacePath, from) >= 0 && string.Compare(a.PlacePath, to) < 0)).Select(a => a.BuilderId);
        var builders = await db.Set<Builder>().AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.Specialty).ThenBy(b => b.Id).ToListAsync(ct);
        return new BuilderTeam(place.Name, builders.Count(b => b.Specialty == BuilderSpecialty.Space), builders.Count(b => b.Specialty == BuilderSpecialty.Activity), [.. builders.Select(Row)]);
    }

    /// <summary>Puts a builder on a community's team (once); the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<BuilderTeam>> AssignAsync(long id, AssignmentInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.Set<Builder>().AnyAsync(b => b.Id == id, ct))
        {
            return new(default, null, 404);
        }
        var place = input.PlaceId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null || place.Kind != PlaceKind.Community)
        {
            return new(default, new FieldErrors(l).Add("placeId", "Choose the community the builder serves."), 400);
        }
        if (!user.Covers(place.Path, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        if (await db.Set<BuilderAssignment>().AnyAsync(a => a.BuilderId == id && a.PlaceId == place.Id, ct))
        {
            return new(default, null, 409, l["The builder is already on {0}'s team.", place.Name]);
        }
        db.Add(new BuilderAssignment { BuilderId = id, PlaceId = place.Id, PlacePath = place.Path, Since = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return new(await TeamAsync(place, ct), null, 200);
    }

    /// <summary>Records a builder's advice on a topic or fund project; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<AdviceRow>> AdviseAsync(long id, AdviceInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var builder = await db.Set<Builder>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (builder is null)
        {
            return new(default, null, 404);
        }
        // The builder (their own account) or staff where the builder serves.
        var paths = await db.Set<BuilderAssignment>().Where(a => a.BuilderId == id).Select(a => a.PlacePath).ToListAsync(ct);
        if (builder.UserId != user.UserId() && !paths.Any(p => user.Covers(p, ConsultationAccess.Staff)))
        {
            return new(default, null, 403);
        }
        var errors = new FieldErrors(l);
        errors.Required("text", input.Text, "Advice").MaxLength("text", input.Text, 4000, "Advice");
        if ((input.TopicId is null) == (input.FundProjectId is null))
        {
            errors.Add("topicId", "Give either the topic or the fund project the advice is about.");
        }
        else if (input.TopicId is { } t && !await db.Set<Topic>().AnyAsync(x => x.Id == t, ct) || input.FundProjectId is { } f && !await db.Set<FundProject>().AnyAsync(x => x.Id == f, ct))
        {
            errors.Add("topicId", "There is no such topic or fund project.");
        }
        errors.HttpLink("resourceUrl", input.ResourceUrl, "The resource link must be an http(s) address.");
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var advice = new BuilderAdvice
        {
            BuilderId = id, TopicId = input.TopicId, FundProjectId = input.FundProjectId, Text = input.Text!.Trim(),
            ResourceUrl = string.IsNullOrWhiteSpace(input.ResourceUrl) ? null : input.ResourceUrl.Trim(), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(advice);
        await db.SaveChangesAsync(ct);
        return new(new AdviceRow(advice.Id, Masking.Name(builder.Name), advice.TopicId, advice.FundProjectId, advice.Text, advice.ResourceUrl, advice.CreatedAt), null, 201);
    }

    /// <summary>Advice given on topics and fund projects under a place, newest first (the staff builders page).</summary>
    public async Task<List<AdviceRow>> AdviceUnderAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var onTopics = await db.Set<BuilderAdvice>().AsNoTracking()
            .Join(db.Set<Topic>().Where(t => t.PlacePath == path || (string.Compare(t.PlacePath, from) >= 0 && string.Compare(t.PlacePath, to) < 0)),
                a => a.TopicId, t => (long?)t.Id, (a, t) => a)
            .Join(db.Set<Builder>(), a => a.BuilderId, b => b.Id, (a, b) => new { a, b.Name }).OrderByDescending(x => x.a.Id).Take(100).ToListAsync(ct);
        var funds = db.Set<Domain.Fund>().Where(f => f.PlacePath == path || (string.Compare(f.PlacePath, from) >= 0 && string.Compare(f.PlacePath, to) < 0));
        var onProjects = await db.Set<BuilderAdvice>().AsNoTracking()
            .Join(db.Set<FundProject>().Join(funds, p => p.FundId, f => f.Id, (p, f) => p), a => a.FundProjectId, p => (long?)p.Id, (a, p) => a)
            .Join(db.Set<Builder>(), a => a.BuilderId, b => b.Id, (a, b) => new { a, b.Name }).OrderByDescending(x => x.a.Id).Take(100).ToListAsync(ct);
        var rows = onTopics.Concat(onProjects).OrderByDescending(x => x.a.Id).Take(100);
        return [.. rows.Select(x => new AdviceRow(x.a.Id, Masking.Name(x.Name), x.a.TopicId, x.a.FundProjectId, x.a.Text, x.a.ResourceUrl, x.a.CreatedAt))];
    }

    public async Task<List<AdviceRow>> AdviceAsync(long? topicId, long? fundProjectId, CancellationToken ct)
    {
        var rows = await db.Set<BuilderAdvice>().AsNoTracking()
            .Where(a => (topicId != null && a.TopicId == topicId) || (fundProjectId != null && a.FundProjectId == fundProjectId))
            .Join(db.Set<Builder>(), a => a.BuilderId, b => b.Id, (a, b) => new { a, b.Name }).OrderBy(x => x.a.Id).Take(200).ToListAsync(ct);
        return [.. rows.Select(x => new AdviceRow(x.a.Id, Masking.Name(x.Name), x.a.TopicId, x.a.FundProjectId, x.a.Text, x.a.ResourceUrl, x.a.CreatedAt))];
    }
}
