using System.Security.Claims;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Jiayuan.Core.Data;
using Jiayuan.Core.Text;

namespace Jiayuan.Consultation.Features.OwnersDecisions;

public sealed record OwnerInput(string? Name, long? UserId, bool Developer = false);

/// <summary>A unit with its register area; <c>Unsold</c> puts it with the developer, who counts as one owner.</summary>
public sealed record UnitInput(string? Label, [property: System.Text.Json.Serialization.JsonConverter(typeof(DecimalTextConverter))] string? Area, long? OwnerId, bool Unsold = false);

public sealed record RosterUnit(long Id, string Label, string Area);

public sealed record RosterOwner(long Id, string Name, bool Developer, bool Linked, string Area, IReadOnlyList<RosterUnit> Units);

/// <summary>The roster of a compound: totals as the law counts them, owners with masked names.</summary>
public sealed record Roster(long CourtyardId, string CourtyardName, string TotalArea, int TotalOwners, int Units, IReadOnlyList<RosterOwner> Owners);

public sealed record DecisionInput(int? Matter, string? Title, string? Description, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

public sealed record DecisionSummary(long Id, long CourtyardId, string CourtyardName, int Matter, string MatterLabel, bool Major, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open);

public sealed record BallotInput(string? Choice);

public sealed record PaperBallotInput(long? OwnerId, string? Choice, string? BallotNumber);

public sealed record BallotReceipt(long Id, long DecisionId, string Choice, string Channel, string? BallotNumber, DateTimeOffset CastAt);

/// <summary>What casting or entering a ballot came to: a receipt, field errors (400), or a status with its reason.</summary>
public sealed record BallotOutcome(BallotReceipt? Receipt, Jiayuan.Core.Http.FieldErrors? Errors, int Status, string? Reason)
{
    public IResult ToResult() => Status switch
    {
        201 => TypedResults.Created($"/api/v1/consultation/owners-decisions/{Receipt!.DecisionId}", Receipt),
        400 => Errors!.ToProblem(),
        404 => TypedResults.NotFound(),
        403 when Reason is null => TypedResults.Forbid(),
        _ => Features.ConsultationAccess.Problem(Status, Reason ?? ""),
    };
}

public sealed record TallyFigures(string Area, int Owners);

/// <summary>The tally of a decision: the law's four thresholds with the figures, and in words which one failed.</summary>
public sealed record Tally(DecisionSummary Decision, TallyFigures Total, TallyFigures Participating, TallyFigures Yes, TallyFigures No, TallyFigures Abstain,
    int OnlineBallots, int PaperBallots, bool ParticipationMet, bool Approved, IReadOnlyList<string> Reasons);

/// <summary>Owners' decisions (业主表决): roster of a compound, decisions on the nine matters, online and paper ballots, the tally.</summary>
public static class OwnersDecisionEndpoints
{
    public static RouteGroupBuilder MapOwnersDecisions(this RouteGroupBuilder api)
    {
        api.MapGet("/consultation/compounds/{code}/roster", async (string code, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.RosterAsync(code, user, ct)) switch
                {
                    (null, 404) => Results.NotFound(),
                    (null, _) => Results.Forbid(),
                    var (roster, _) => Results.Ok(roster),
                })
            .RequireAuthorization().WithName("GetCompoundRoster").WithSummary("The owner roster of a compound (units, register areas, owners; names masked) with the totals the law counts.");
        api.MapPost("/consultation/compounds/{code}/owners", async (string code, OwnerInput input, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.AddOwnerAsync(code, input, user, ct))
            .RequireAuthorization().WithName("AddCompoundOwner").WithSummary("Add an owner to a compound's roster, optionally linked to the owner's account (to vote online).");
        api.MapPost("/consultation/compounds/{code}/units", async (string code, UnitInput input, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.AddUnitAsync(code, input, user, ct))
            .RequireAuthorization().WithName("AddCompoundUnit").WithSummary("Add a unit with its register area (m², 2 decimals) to an owner, or as unsold (the developer counts as one owner).");
        api.MapPost("/consultation/compounds/{code}/owners-decisions", async (string code, DecisionInput input, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.CreateDecisionAsync(code, input, user, ct))
            .RequireAuthorization().WithName("CreateOwnersDecision").WithSummary("Open a decision of the compound's owners on one of the nine matters of Civil Code §278.");
        api.MapGet("/consultation/compounds/{code}/owners-decisions", async (string code, OwnersDecisionService s, CancellationToken ct) =>
                await s.ListAsync(code, ct) is { } list ? Results.Ok(list) : Results.NotFound())
            .AllowAnonymous().WithName("ListOwnersDecisions").WithSummary("Decisions of a compound's owners, newest first.");
        api.MapGet("/consultation/owners-decisions/{id:long}", async (long id, OwnersDecisionService s, CancellationToken ct) =>
                await s.TallyAsync(id, ct) is { } tally ? Results.Ok(tally) : Results.NotFound())
            .AllowAnonymous().WithName("GetOwnersDecisionTally").WithSummary("The tally: participation and approval by area and by owners, and which threshold failed.");
        api.MapPost("/consultation/owners-decisions/{id:long}/ballots", async (long id, BallotInput input, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.CastOnlineAsync(id, input, user, ct)).ToResult())
            .RequireAuthorization().WithName("CastOwnerBallot").WithSummary("An owner on the roster votes online (yes, no or abstain); one ballot per owner.");
        api.MapPost("/consultation/owners-decisions/{id:long}/paper-ballots", async (long id, PaperBallotInput input, OwnersDecisionService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.EnterPaperAsync(id, input, user, ct)).ToResult())
            .RequireAuthorization().WithName("EnterPaperBallot").WithSummary("Staff enter a paper ballot with its number; a number or an owner entered twice is refused.");
        return api;
    }
}

internal sealed class OwnersDecisionService(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public FieldErrors NewErrors() => new(l);

    private async Task<(PlaceSummary? Courtyard, int Status)> CourtyardAsync(string code, ClaimsPrincipal? staff, CancellationToken ct)
    {
        var place = await places.FindByCodeAsync(code, ct);
        if (place is null || place.Kind != PlaceKind.Courtyard)
        {
            return (null, 404);
        }
        return staff is not null && !staff.Covers(place.Path, ConsultationAccess.Staff) ? (null, 403) : (place, 200);
    }

    public async Task<(Roster? Roster, int Status)> RosterAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var (courtyard, status) = await CourtyardAsync(code, user, ct);
        if (courtyard is null)
        {
            return (null, status);
        }
        var unmask = user.Can(Scope.UnmaskPermission);
        var owners = await db.Set<CompoundOwner>().AsNoTracking().Where(o => o.CourtyardId == courtyard.Id).OrderBy(o => o.Id).ToListAsync(ct);
        var units = await db.Set<CompoundUnit>().AsNoTracking().Where(u => u.CourtyardId == courtyard.Id).OrderBy(u => u.Label).ToListAsync(ct);
        var byOwner = units.ToLookup(u => u.OwnerId);
        var rows = owners.Select(o => new RosterOwner(o.Id, unmask ? o.Name : Masking.Name(o.Name), o.IsDeveloper, o.UserId is not null,
            OwnersDecisionRules.Area(byOwner[o.Id].Sum(u => u.AreaHundredths)),
            [.. byOwner[o.Id].Select(u => new RosterUnit(u.Id, u.Label, OwnersDecisionRules.Area(u.AreaHundredths)))])).ToList();
        return (new Roster(courtyard.Id, courtyard.Name, OwnersDecisionRules.Area(units.Sum(u => u.AreaHundredths)), byOwner.Count, units.Count, rows), 200);
    }

    public async Task<IResult> AddOwnerAsync(string code, OwnerInput input, ClaimsPrincipal user, CancellationToken ct) =>
        (await AddOwnerCoreAsync(code, input, user, ct)).ToResult($"/api/v1/consultation/compounds/{code}/roster");

    /// <summary>Adds an owner; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<RosterOwner>> AddOwnerCoreAsync(string code, OwnerInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (courtyard, status) = await CourtyardAsync(code, user, ct);
        if (courtyard is null)
        {
            return new(default, null, status);
        }
        var errors = new FieldErrors(l);
        errors.Required("name", input.Name, "Owner's name").MaxLength("name", input.Name, 100, "Owner's name");
        if (input.UserId is { } uid)
        {
            if (!await db.Users.AnyAsync(u => u.Id == uid, ct))
            {
                errors.Add("userId", "There is no account with this number.");
            }
            else if (await db.Set<CompoundOwner>().AnyAsync(o => o.CourtyardId == courtyard.Id && o.UserId == uid, ct))
            {
                errors.Add("userId", "This account is already linked to an owner of this compound.");
            }
        }
        if (input.Developer && await db.Set<CompoundOwner>().AnyAsync(o => o.CourtyardId == courtyard.Id && o.IsDeveloper, ct))
        {
            errors.Add("developer", "The compound already has its developer; unsold units all belong to it and count as one owner.");
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var owner = new CompoundOwner
        {
            CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, Name = input.Name!.Trim(), UserId = input.UserId, IsDeveloper = input.Developer,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(owner);
        await db.SaveChangesAsync(ct);
        return new(new RosterOwner(owner.Id, Masking.Name(owner.Name), owner.IsDeveloper, owner.UserId is not null, "0.00", []), null, 201);
    }

    public async Task<IResult> AddUnitAsync(string code, UnitInput input, ClaimsPrincipal user, CancellationToken ct) =>
        (await AddUnitCoreAsync(code, input, user, ct)).ToResult($"/api/v1/consultation/compounds/{code}/roster");

    /// <summary>Adds a unit with its register area; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<RosterUnit>> AddUnitCoreAsync(string code, UnitInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (courtyard, status) = await CourtyardAsync(code, user, ct);
        if (courtyard is null)
        {
            return new(default, null, status);
        }
        var errors = new FieldErrors(l);
        errors.Required("label", input.Label, "Unit number").MaxLength("label", input.Label, 100, "Unit number");
        var area = OwnersDecisionRules.ParseArea(input.Area);
        if (area is not > 0)
        {
            errors.Add("area", "Enter the unit's exclusive area from the register in m², with at most 2 decimals (such as 89.56).");
        }
        var label = input.Label?.Trim();
        if (label is not null && await db.Set<CompoundUnit>().AnyAsync(u => u.CourtyardId == courtyard.Id && u.Label == label, ct))
        {
            errors.Add("label", "The compound already has a unit {0}.", label);
        }
        CompoundOwner? owner = null;
        if (input.Unsold)
        {
            owner = await db.Set<CompoundOwner>().FirstOrDefaultAsync(o => o.CourtyardId == courtyard.Id && o.IsDeveloper, ct);
            if (owner is null)
            {
                owner = new CompoundOwner { CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, Name = l["Developer (unsold units)"], IsDeveloper = true, CreatedAt = clock.GetUtcNow() };
                db.Add(owner);
            }
        }
        else if (input.OwnerId is not { } ownerId || (owner = await db.Set<CompoundOwner>().FirstOrDefaultAsync(o => o.Id == ownerId && o.CourtyardId == courtyard.Id, ct)) is null)
        {
            errors.Add("ownerId", "Choose an owner on this compound's roster, or mark the unit unsold.");
        }
        if (errors.Any || owner is null)
        {
            return new(default, errors, 400);
        }
        await db.SaveChangesAsync(ct);
        var unit = new CompoundUnit { CourtyardId = courtyard.Id, Label = label!, AreaHundredths = area!.Value, OwnerId = owner.Id, CreatedAt = clock.GetUtcNow() };
        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return new(new RosterUnit(unit.Id, unit.Label, OwnersDecisionRules.Area(unit.AreaHundredths)), null, 201);
    }

    public async Task<IResult> CreateDecisionAsync(string code, DecisionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await CreateDecisionCoreAsync(code, input, user, ct);
        return outcome.ToResult($"/api/v1/consultation/owners-decisions/{outcome.Value?.Id}");
    }

    /// <summary>Opens a decision on one of the nine matters; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<DecisionSummary>> CreateDecisionCoreAsync(string code, DecisionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (courtyard, status) = await CourtyardAsync(code, user, ct);
        if (courtyard is null)
        {
            return new(default, null, status);
        }
        var errors = new FieldErrors(l);
        if (input.Matter is not (>= 1 and <= 9))
        {
            errors.Add("matter", "Choose one of the nine matters (1 to 9).");
        }
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title").MaxLength("description", input.Description, 4000, "Description");
        var now = clock.GetUtcNow();
        var opens = (input.OpensAt ?? now).ToUniversalTime();
        var closes = (input.ClosesAt ?? opens.AddDays(14)).ToUniversalTime();
        if (closes <= opens || closes <= now)
        {
            errors.Add("closesAt", "Voting must close after it opens, and in the future.");
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var decision = new OwnersDecision
        {
            CourtyardId = courtyard.Id, CourtyardPath = courtyard.Path, CourtyardName = courtyard.Name, Matter = input.Matter!.Value, Title = input.Title!.Trim(),
            Description = input.Description?.Trim(), OpensAt = opens, ClosesAt = closes, CreatedById = user.UserId(), CreatedAt = now,
        };
        db.Add(decision);
        await db.SaveChangesAsync(ct);
        return new(Summary(decision, now), null, 201);
    }

    public async Task<List<DecisionSummary>?> ListAsync(string code, CancellationToken ct)
    {
        var (courtyard, _) = await CourtyardAsync(code, null, ct);
        if (courtyard is null)
        {
            return null;
        }
        return await ListUnderAsync(courtyard.Path, ct);
    }

    /// <summary>Decisions in the compounds under a place (a community page lists its courtyards' decisions).</summary>
    public async Task<List<DecisionSummary>> ListUnderAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var now = clock.GetUtcNow();
        var rows = await db.Set<OwnersDecision>().AsNoTracking()
            .Where(d => d.CourtyardPath == path || (string.Compare(d.CourtyardPath, from) >= 0 && string.Compare(d.CourtyardPath, to) < 0))
            .OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
        return [.. rows.Select(d => Summary(d, now))];
    }

    private DecisionSummary Summary(OwnersDecision d, DateTimeOffset now) =>
        new(d.Id, d.CourtyardId, d.CourtyardName, d.Matter, l[OwnersMatters.Label((OwnersMatter)d.Matter)], OwnersDecisionRules.IsMajor(d.Matter), d.Title,
            d.OpensAt, d.ClosesAt, d.IsOpenAt(now));

    public async Task<Tally?> TallyAsync(long id, CancellationToken ct)
    {
        var d = await db.Set<OwnersDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }
        var areas = await db.Set<CompoundUnit>().AsNoTracking().Where(u => u.CourtyardId == d.CourtyardId)
            .GroupBy(u => u.OwnerId).Select(g => new { OwnerId = g.Key, Area = g.Sum(u => u.AreaHundredths) }).ToDictionaryAsync(x => x.OwnerId, x => x.Area, ct);
        var ballots = await db.Set<OwnerBallot>().AsNoTracking().Where(b => b.DecisionId == id).Select(b => new { b.OwnerId, b.Choice, b.Channel }).ToListAsync(ct);
        TallyFigures Figures(IEnumerable<long> owners)
        {
            var list = owners.Where(areas.ContainsKey).ToList();
            return new TallyFigures(OwnersDecisionRules.Area(list.Sum(o => areas[o])), list.Count);
        }
        long AreaOf(IEnumerable<long> owners) => owners.Where(areas.ContainsKey).Sum(o => areas[o]);
        var totalArea = areas.Values.Sum();
        var participants = ballots.Select(b => b.OwnerId).ToList();
        var yes = ballots.Where(b => b.Choice == BallotChoice.Yes).Select(b => b.OwnerId).ToList();
        var summary = Summary(d, clock.GetUtcNow());
        bool participationMet = false, approved = false;
        List<string> reasons;
        if (totalArea == 0 || areas.Count == 0)
        {
            reasons = [l["The compound's roster is empty: enter its units and owners first."]];
        }
        else
        {
            var verdict = OwnersDecisionRules.Evaluate(d.Matter, totalArea, areas.Count, AreaOf(participants), participants.Count(areas.ContainsKey), AreaOf(yes), yes.Count(areas.ContainsKey));
            (participationMet, approved) = (verdict.ParticipationMet, verdict.Approved);
            reasons = [.. verdict.Reasons.Select(r => l[r.Key, r.Args].Value)];
        }
        return new Tally(summary, new TallyFigures(OwnersDecisionRules.Area(totalArea), areas.Count), Figures(participants), Figures(yes),
            Figures(ballots.Where(b => b.Choice == BallotChoice.No).Select(b => b.OwnerId)), Figures(ballots.Where(b => b.Choice == BallotChoice.Abstain).Select(b => b.OwnerId)),
            ballots.Count(b => b.Channel == BallotChannel.Online), ballots.Count(b => b.Channel == BallotChannel.Paper), participationMet, approved, reasons);
    }

    /// <summary>The roster entry of the signed-in user in the decision's compound, if any.</summary>
    public async Task<CompoundOwner?> OwnerOfAsync(OwnersDecision d, ClaimsPrincipal user, CancellationToken ct) =>
        user.UserId() is { } uid ? await db.Set<CompoundOwner>().AsNoTracking().FirstOrDefaultAsync(o => o.CourtyardId == d.CourtyardId && o.UserId == uid, ct) : null;

    public async Task<BallotOutcome> CastOnlineAsync(long id, BallotInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Set<OwnersDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(null, null, 404, null);
        }
        var owner = await OwnerOfAsync(d, user, ct);
        if (owner is null)
        {
            return new(null, null, 403, l["Only owners on the roster of {0} vote; ask the community to link your account to your unit.", d.CourtyardName]);
        }
        var errors = new FieldErrors(l);
        var choice = ParseChoice(input.Choice, errors);
        if (errors.Any)
        {
            return new(null, errors, 400, null);
        }
        return await SaveAsync(d, owner.Id, choice, BallotChannel.Online, null, user, ct);
    }

    public async Task<BallotOutcome> EnterPaperAsync(long id, PaperBallotInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Set<OwnersDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(null, null, 404, null);
        }
        if (!user.Covers(d.CourtyardPath, ConsultationAccess.Staff))
        {
            return new(null, null, 403, null);
        }
        var errors = new FieldErrors(l);
        var choice = ParseChoice(input.Choice, errors);
        errors.Required("ballotNumber", input.BallotNumber, "Ballot number").MaxLength("ballotNumber", input.BallotNumber, 40, "Ballot number");
        if (input.OwnerId is not { } ownerId || !await db.Set<CompoundOwner>().AnyAsync(o => o.Id == ownerId && o.CourtyardId == d.CourtyardId, ct))
        {
            errors.Add("ownerId", "Choose an owner on this compound's roster.");
        }
        if (errors.Any)
        {
            return new(null, errors, 400, null);
        }
        return await SaveAsync(d, input.OwnerId!.Value, choice, BallotChannel.Paper, input.BallotNumber!.Trim(), user, ct);
    }

    private static BallotChoice ParseChoice(string? text, FieldErrors errors)
    {
        if (Enum.TryParse<BallotChoice>(text, ignoreCase: true, out var choice) && Enum.IsDefined(choice) && !int.TryParse(text, out _))
        {
            return choice;
        }
        errors.Add("choice", "Choose yes, no or abstain.");
        return default;
    }

    private async Task<BallotOutcome> SaveAsync(OwnersDecision d, long ownerId, BallotChoice choice, BallotChannel channel, string? number, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!d.IsOpenAt(now))
        {
            return new(null, null, 422, l["Voting on this decision is open from {0} to {1}.", Dates.Format(d.OpensAt), Dates.Format(d.ClosesAt)]);
        }
        if (await ConflictAsync(d.Id, ownerId, number, ct) is { } conflict)
        {
            return new(null, null, 409, conflict);
        }
        var ballot = new OwnerBallot { DecisionId = d.Id, OwnerId = ownerId, Choice = choice, Channel = channel, PaperNumber = number, EnteredById = user.UserId(), CastAt = now };
        db.Add(ballot);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique indexes decide between concurrent requests: the loser is told why.
            db.ChangeTracker.Clear();
            return new(null, null, 409, await ConflictAsync(d.Id, ownerId, number, ct) ?? l["This owner has already voted on this decision."]);
        }
        return new(new BallotReceipt(ballot.Id, d.Id, choice.ToString(), channel.ToString(), number, now), null, 201, null);
    }

    private async Task<string?> ConflictAsync(long decisionId, long ownerId, string? number, CancellationToken ct)
    {
        if (number is not null && await db.Set<OwnerBallot>().AsNoTracking().FirstOrDefaultAsync(b => b.DecisionId == decisionId && b.PaperNumber == number, ct) is { } sameNumber)
        {
            return l["Paper ballot No. {0} was already entered on {1}; it is not counted twice.", number, Dates.Format(sameNumber.CastAt)];
        }
        if (await db.Set<OwnerBallot>().AsNoTracking().FirstOrDefaultAsync(b => b.DecisionId == decisionId && b.OwnerId == ownerId, ct) is { } existing)
        {
            return existing.Channel == BallotChannel.Paper
                ? l["This owner's paper ballot (No. {0}) is already counted; an owner votes once.", existing.PaperNumber ?? ""]
                : l["This owner has already voted online on {0}; an owner votes once.", Dates.Format(existing.CastAt)];
        }
        return null;
    }
}
