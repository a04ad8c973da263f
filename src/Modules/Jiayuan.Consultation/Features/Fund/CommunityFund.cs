using System.Security.Claims;
using Jiayuan.Consultation.Contracts;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Data;
using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Text;
using Jiayuan.Notices.Contracts;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.Fund;

public sealed record FundInput(long? PlaceId, int? Year, string? Amount, DateTimeOffset? ProposalsUntil, DateTimeOffset? HearingAt, DateTimeOffset? DecisionBy,
    DateTimeOffset? ImplementationUntil, DateTimeOffset? AcceptanceBy);

public sealed record FundProjectInput(string? Title, string? Description, FundCategory? Category, string? Budget, FundCostType? CostType);

public sealed record SlateInput(IReadOnlyList<long>? ProjectIds);

public sealed record HearingResult(long ProjectId, int Yes, int No);

public sealed record HearingInput(int? Representatives, IReadOnlyList<HearingResult>? Results);

public sealed record FundDecisionInput(IReadOnlyList<long>? ProjectIds);

public sealed record FundProjectRow(long Id, string Title, FundCategory Category, string Budget, FundProjectStatus Status, int HearingYes, int HearingNo);

public sealed record FundDetail(long Id, string PlaceName, int Year, string Amount, FundPhase Phase, DateTimeOffset ProposalsUntil, DateTimeOffset HearingAt, DateTimeOffset DecisionBy,
    DateTimeOffset ImplementationUntil, DateTimeOffset AcceptanceBy, int? HearingRepresentatives, string Funded, IReadOnlyList<FundProjectRow> Projects);

/// <summary>A fund year in the list of a place's funds; <c>PlacePath</c> lets a page decide whether to link the staff page.</summary>
public sealed record FundYearRow(long Id, string PlaceName, string PlacePath, int Year, string Amount, string Funded, FundPhase Phase);

/// <summary>
/// The community fund decided by residents (Chengdu's five steps): residents propose, the Party organization proposes the
/// slate, a hearing announced a week ahead with enough representatives drops projects below the approval share, the
/// council decides within the amount; every step is disclosed on the 财务公开 board.
/// </summary>
public static class FundEndpoints
{
    public static RouteGroupBuilder MapCommunityFund(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/funds", async (FundInput input, FundService s, ClaimsPrincipal user, CancellationToken ct) => await s.CreateAsync(input, user, ct))
            .RequireAuthorization().WithName("CreateFund").WithSummary("Open a community's fund year with its amount and phase dates; announces the hearing on 财务公开.");
        api.MapGet("/consultation/funds/{id:long}", async (long id, FundService s, CancellationToken ct) => await s.DetailAsync(id, ct) is { } f ? Results.Ok(f) : Results.NotFound())
            .AllowAnonymous().WithName("GetFund").WithSummary("A fund year: phase, amount, projects and their status.");
        api.MapPost("/consultation/funds/{id:long}/projects", async (long id, FundProjectInput input, FundService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.ProposeAsync(id, input, user, ct))
            .RequireAuthorization().WithName("ProposeFundProject").WithSummary("A resident proposes a project (checked against the negative list) while proposals are open.");
        api.MapPost("/consultation/funds/{id:long}/slate", async (long id, SlateInput input, FundService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.SlateAsync(id, input, user, ct)).ToResult(""))
            .RequireAuthorization().WithName("ProposeFundSlate").WithSummary("The Party organization proposes the slate for the hearing.");
        api.MapPost("/consultation/funds/{id:long}/hearing", async (long id, HearingInput input, FundService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.HearingAsync(id, input, user, ct)).ToResult(""))
            .RequireAuthorization().WithName("RecordFundHearing").WithSummary("Record the hearing: representatives present and votes; projects below the approval share are dropped.");
        api.MapPost("/consultation/funds/{id:long}/decision", async (long id, FundDecisionInput input, FundService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.DecideAsync(id, input, user, ct)).ToResult(""))
            .RequireAuthorization().WithName("DecideFund").WithSummary("The council funds projects that passed the hearing, within the fund's amount.");
        return api;
    }
}

internal sealed class FundService(JiayuanDbContext db, IPlaceDirectory places, INoticePublisher notices, IConfiguration configuration, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    private static readonly Role[] Slaters = [Role.BranchSecretary, Role.CommunityWorker, Role.SubdistrictAdmin];

    private int NoticeDays => Math.Max(0, configuration.GetValue("Consultation:Fund:HearingNoticeDays", 7));
    private int MinRepresentatives => Math.Max(1, configuration.GetValue("Consultation:Fund:MinRepresentatives", 20));
    private int ApprovalPercent => Math.Clamp(configuration.GetValue("Consultation:Fund:HearingApprovalPercent", 60), 1, 100);

    /// <summary>The negative list (configurable): cost types the fund never pays.</summary>
    private HashSet<FundCostType> NegativeList =>
        [.. (configuration["Consultation:Fund:NegativeList"] ?? "PrivateCost,OtherPartyDuty,GovernmentDuty")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => Enum.TryParse<FundCostType>(s, out var t) ? t : (FundCostType?)null).OfType<FundCostType>()];

    private static string Yuan(long fen) => OwnersDecisionRules.Area(fen);

    public async Task<IResult> CreateAsync(FundInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await CreateCoreAsync(input, user, ct);
        return outcome.ToResult($"/api/v1/consultation/funds/{outcome.Value?.Id}");
    }

    /// <summary>Opens a community's yearly fund with its phases; the page and the endpoint share it.</summary>
    public async Task<StaffOutcome<FundDetail>> CreateCoreAsync(FundInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var place = input.PlaceId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null || place.Kind != PlaceKind.Community)
        {
            errors.Add("placeId", "Choose the community the fund belongs to.");
        }
        else if (!user.Covers(place.Path, ConsultationAccess.Staff))
        {
            return new(default, null, 403);
        }
        var now = clock.GetUtcNow();
        var year = input.Year ?? Dates.Today(clock).Year;
        var amount = OwnersDecisionRules.ParseArea(input.Amount);
        if (amount is not > 0)
        {
            errors.Add("amount", "Enter the fund's amount in yuan, with at most 2 decimals (such as 324600.00).");
        }
        if (input.ProposalsUntil is not { } proposals || input.HearingAt is not { } hearing || input.DecisionBy is not { } decision
            || input.ImplementationUntil is not { } implementation || input.AcceptanceBy is not { } acceptance)
        {
            errors.Add("hearingAt", "Give the dates of every phase: proposals, hearing, decision, implementation, acceptance.");
        }
        else
        {
            if (!(now < proposals && proposals <= hearing && hearing < decision && decision < implementation && implementation < acceptance))
            {
                errors.Add("hearingAt", "The phases follow each other: proposals close, then the hearing, the decision, implementation and acceptance.");
            }
            if (hearing - now < TimeSpan.FromDays(NoticeDays))
            {
                errors.Add("hearingAt", "The hearing must be announced at least {0} days ahead (rule of the community fund).", NoticeDays);
            }
        }
        if (place is not null && await db.Set<Domain.Fund>().AnyAsync(f => f.PlaceId == place.Id && f.Year == year, ct))
        {
            errors.Add("year", "{0} already has its fund for {1}.", place.Name, year);
        }
        if (errors.Any || place is null)
        {
            return new(default, errors, 400);
        }
        var fund = new Domain.Fund
        {
            PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Year = year, AmountFen = amount!.Value, ProposalsUntil = input.ProposalsUntil!.Value.ToUniversalTime(),
            HearingAt = input.HearingAt!.Value.ToUniversalTime(), DecisionBy = input.DecisionBy!.Value.ToUniversalTime(),
            ImplementationUntil = input.ImplementationUntil!.Value.ToUniversalTime(), AcceptanceBy = input.AcceptanceBy!.Value.ToUniversalTime(), CreatedAt = now,
        };
        db.Add(fund);
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(place.Id, NoticeBoard.Finance, l["{0} community fund {1}: {2} yuan; hearing on {3}", place.Name, year, Yuan(fund.AmountFen), Dates.Format(fund.HearingAt)],
            $"<p>{System.Net.WebUtility.HtmlEncode(l["Residents propose projects until {0}. The hearing on {1} needs at least {2} resident representatives; projects approved by fewer than {3}% of them are dropped.", Dates.Format(fund.ProposalsUntil), Dates.Format(fund.HearingAt), MinRepresentatives, ApprovalPercent])}</p>", ct);
        return new(await DetailAsync(fund.Id, ct), null, 201);
    }

    /// <summary>The fund years of the communities under a place, by community and newest year first.</summary>
    public async Task<List<FundYearRow>> ListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var funds = await db.Set<Domain.Fund>().AsNoTracking().Where(f => f.PlacePath == path || (string.Compare(f.PlacePath, from) >= 0 && string.Compare(f.PlacePath, to) < 0))
            .OrderBy(f => f.PlacePath).ThenByDescending(f => f.Year).Take(500).ToListAsync(ct);
        var ids = funds.Select(f => f.Id).ToList();
        var funded = await db.Set<FundProject>().AsNoTracking().Where(p => ids.Contains(p.FundId) && p.Status == FundProjectStatus.Funded)
            .GroupBy(p => p.FundId).Select(g => new { g.Key, Total = g.Sum(p => p.BudgetFen) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var now = clock.GetUtcNow();
        return [.. funds.Select(f => new FundYearRow(f.Id, f.PlaceName, f.PlacePath, f.Year, Yuan(f.AmountFen), Yuan(funded.GetValueOrDefault(f.Id)), f.PhaseAt(now)))];
    }

    public async Task<FundDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var f = await db.Set<Domain.Fund>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
        {
            return null;
        }
        var projects = await db.Set<FundProject>().AsNoTracking().Where(p => p.FundId == id).OrderBy(p => p.Id).ToListAsync(ct);
        return new FundDetail(f.Id, f.PlaceName, f.Year, Yuan(f.AmountFen), f.PhaseAt(clock.GetUtcNow()), f.ProposalsUntil, f.HearingAt, f.DecisionBy, f.ImplementationUntil,
            f.AcceptanceBy, f.HearingRepresentatives, Yuan(projects.Where(p => p.Status == FundProjectStatus.Funded).Sum(p => p.BudgetFen)),
            [.. projects.Select(p => new FundProjectRow(p.Id, p.Title, p.Category, Yuan(p.BudgetFen), p.Status, p.HearingYes, p.HearingNo))]);
    }

    private string WrongPhaseReason(Domain.Fund f, FundPhase needed) =>
        l["This step belongs to the {0} phase; the fund is in the {1} phase.", l["Fund phase " + needed], l["Fund phase " + f.PhaseAt(clock.GetUtcNow())]];

    public async Task<IResult> ProposeAsync(long id, FundProjectInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await ProposeCoreAsync(id, input, user, ct);
        return outcome.Status == 403 ? ConsultationAccess.Problem(403, outcome.Reason ?? "") : outcome.ToResult($"/api/v1/consultation/funds/{id}");
    }

    /// <summary>
    /// Why the caller cannot propose a project to the fund now, or null when they can: proposals must be open, and the
    /// caller must live in the fund's community (home place in their profile) or own a unit on the roster of one of its
    /// courtyards. The fund's page shows its form only when this is null; a post is checked again.
    /// </summary>
    public async Task<(int Status, string? Reason)> ProposalRefusalAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var f = await db.Set<Domain.Fund>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return f is null || user.UserId() is not { } uid ? (404, null) : await ProposalRefusalAsync(f, uid, ct);
    }

    private async Task<(int Status, string? Reason)> ProposalRefusalAsync(Domain.Fund f, long userId, CancellationToken ct)
    {
        if (f.PhaseAt(clock.GetUtcNow()) != FundPhase.Proposals)
        {
            return (422, WrongPhaseReason(f, FundPhase.Proposals));
        }
        var home = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.HomePlaceId).FirstOrDefaultAsync(ct);
        if (home is { } h && await places.FindAsync(h, ct) is { } place && Scope.IsWithin(place.Path, f.PlacePath))
        {
            return (200, null);
        }
        var (from, to) = TreePath.Descendants(f.PlacePath);
        var owner = await db.Set<CompoundOwner>().AsNoTracking().AnyAsync(o => o.UserId == userId
            && (o.CourtyardPath == f.PlacePath || (string.Compare(o.CourtyardPath, from) >= 0 && string.Compare(o.CourtyardPath, to) < 0)), ct);
        return owner ? (200, null) : (403, l["Only residents of {0}, or owners on the roster of one of its courtyards, propose projects to its fund; set your community in your profile.", f.PlaceName]);
    }

    /// <summary>A resident proposes a project; the page and the endpoint share it. The negative list is checked here.</summary>
    public async Task<StaffOutcome<FundProjectRow>> ProposeCoreAsync(long id, FundProjectInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var f = await db.Set<Domain.Fund>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null || user.UserId() is not { } uid)
        {
            return new(default, null, 404);
        }
        var (status, reason) = await ProposalRefusalAsync(f, uid, ct);
        if (status != 200)
        {
            return new(default, null, status, reason);
        }
        var errors = new FieldErrors(l);
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title").MaxLength("description", input.Description, 4000, "Description");
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            errors.Add("category", "Choose one of the fund's priority areas.");
        }
        var budget = OwnersDecisionRules.ParseArea(input.Budget);
        if (budget is not > 0)
        {
            errors.Add("budget", "Enter the budget in yuan, with at most 2 decimals.");
        }
        else if (budget > f.AmountFen)
        {
            errors.Add("budget", "The budget ({0} yuan) is more than the whole fund ({1} yuan).", Yuan(budget.Value), Yuan(f.AmountFen));
        }
        if (input.CostType is not { } cost || !Enum.IsDefined(cost))
        {
            errors.Add("costType", "Say who would otherwise bear the cost.");
        }
        else if (NegativeList.Contains(cost))
        {
            errors.Add("costType", cost switch
            {
                FundCostType.PrivateCost => "Negative list: the fund does not pay private costs (such as property fees).",
                FundCostType.OtherPartyDuty => "Negative list: the fund does not pay what another party must pay (such as public-housing repairs).",
                _ => "Negative list: the fund does not pay government duties (such as staff pay).",
            });
        }
        if (errors.Any)
        {
            return new(default, errors, 400);
        }
        var project = new FundProject
        {
            FundId = id, Title = input.Title!.Trim(), Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(), Category = input.Category!.Value,
            BudgetFen = budget!.Value, ProposedById = uid, Status = FundProjectStatus.Proposed, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(project);
        await db.SaveChangesAsync(ct);
        return new(new FundProjectRow(project.Id, project.Title, project.Category, Yuan(project.BudgetFen), project.Status, 0, 0), null, 201);
    }

    private async Task<(Domain.Fund? Fund, StaffOutcome<FundDetail>? Refusal)> StaffFundAsync(long id, ClaimsPrincipal user, Role[] roles, CancellationToken ct)
    {
        var f = await db.Set<Domain.Fund>().FirstOrDefaultAsync(x => x.Id == id, ct);
        return f is null ? (null, new(default, null, 404)) : !user.Covers(f.PlacePath, roles) ? (null, new(default, null, 403)) : (f, null);
    }

    private StaffOutcome<FundDetail> Refuse(int status, string reason) => new(default, null, status, reason);

    private static StaffOutcome<FundDetail> Invalid(FieldErrors errors) => new(default, errors, 400);

    /// <summary>The page and the endpoint share it; the outcome carries the refusal's reason.</summary>
    public async Task<StaffOutcome<FundDetail>> SlateAsync(long id, SlateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, refusal) = await StaffFundAsync(id, user, Slaters, ct);
        if (f is null)
        {
            return refusal!;
        }
        if (f.PhaseAt(clock.GetUtcNow()) != FundPhase.Slate)
        {
            return Refuse(422, WrongPhaseReason(f, FundPhase.Slate));
        }
        var ids = input.ProjectIds ?? [];
        var projects = await db.Set<FundProject>().Where(p => p.FundId == id).ToListAsync(ct);
        if (ids.Count == 0 || ids.Any(i => projects.All(p => p.Id != i)))
        {
            return Invalid(new FieldErrors(l).Add("projectIds", "Choose projects proposed to this fund."));
        }
        foreach (var p in projects)
        {
            p.Status = ids.Contains(p.Id) ? FundProjectStatus.OnSlate : FundProjectStatus.Proposed;
        }
        await db.SaveChangesAsync(ct);
        return new(await DetailAsync(id, ct), null, 200);
    }

    /// <summary>The page and the endpoint share it; the outcome carries the refusal's reason.</summary>
    public async Task<StaffOutcome<FundDetail>> HearingAsync(long id, HearingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, refusal) = await StaffFundAsync(id, user, ConsultationAccess.Staff, ct);
        if (f is null)
        {
            return refusal!;
        }
        if (f.PhaseAt(clock.GetUtcNow()) != FundPhase.Hearing)
        {
            return Refuse(422, WrongPhaseReason(f, FundPhase.Hearing));
        }
        var reps = input.Representatives ?? 0;
        if (reps < MinRepresentatives)
        {
            return Refuse(422, l["A hearing needs at least {0} resident representatives; {1} attended.", MinRepresentatives, reps]);
        }
        var slate = await db.Set<FundProject>().Where(p => p.FundId == id && p.Status == FundProjectStatus.OnSlate).ToListAsync(ct);
        var results = (input.Results ?? []).ToDictionary(r => r.ProjectId);
        var errors = new FieldErrors(l);
        if (slate.Count == 0 || slate.Any(p => !results.ContainsKey(p.Id)) || results.Count != slate.Count)
        {
            errors.Add("results", "Give the votes for every project on the slate, and only for them.");
        }
        else if (results.Values.Any(r => r.Yes < 0 || r.No < 0 || r.Yes + r.No > reps))
        {
            errors.Add("results", "Votes on a project cannot exceed the {0} representatives present.", reps);
        }
        if (errors.Any)
        {
            return Invalid(errors);
        }
        f.HearingRepresentatives = reps;
        var lines = new List<string>();
        foreach (var p in slate)
        {
            var r = results[p.Id];
            (p.HearingYes, p.HearingNo) = (r.Yes, r.No);
            // Approval is the share of the representatives present (abstaining or silent ones do not approve).
            p.Status = 100L * r.Yes >= (long)ApprovalPercent * reps ? FundProjectStatus.PassedHearing : FundProjectStatus.Dropped;
            lines.Add($"<li>{System.Net.WebUtility.HtmlEncode(p.Title)}：{Yuan(p.BudgetFen)} 元，{r.Yes}/{reps} — {System.Net.WebUtility.HtmlEncode(l[p.Status == FundProjectStatus.Dropped ? "dropped" : "passed"])}</li>");
        }
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(f.PlaceId, NoticeBoard.Finance, l["{0} community fund {1}: hearing results", f.PlaceName, f.Year],
            $"<p>{System.Net.WebUtility.HtmlEncode(l["{0} representatives attended; projects approved by fewer than {1}% are dropped.", reps, ApprovalPercent])}</p><ul>{string.Concat(lines)}</ul>", ct);
        return new(await DetailAsync(id, ct), null, 200);
    }

    /// <summary>The page and the endpoint share it; the outcome carries the refusal's reason.</summary>
    public async Task<StaffOutcome<FundDetail>> DecideAsync(long id, FundDecisionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (f, refusal) = await StaffFundAsync(id, user, ConsultationAccess.Staff, ct);
        if (f is null)
        {
            return refusal!;
        }
        if (f.PhaseAt(clock.GetUtcNow()) != FundPhase.Decision)
        {
            return Refuse(422, WrongPhaseReason(f, FundPhase.Decision));
        }
        var ids = input.ProjectIds ?? [];
        var passed = await db.Set<FundProject>().Where(p => p.FundId == id && (p.Status == FundProjectStatus.PassedHearing || p.Status == FundProjectStatus.Funded || p.Status == FundProjectStatus.NotFunded)).ToListAsync(ct);
        if (ids.Any(i => passed.All(p => p.Id != i)))
        {
            return Invalid(new FieldErrors(l).Add("projectIds", "Only projects that passed the hearing can be funded."));
        }
        var total = passed.Where(p => ids.Contains(p.Id)).Sum(p => p.BudgetFen);
        if (total > f.AmountFen)
        {
            return Refuse(422, l["The chosen projects cost {0} yuan, more than the fund's {1} yuan.", Yuan(total), Yuan(f.AmountFen)]);
        }
        foreach (var p in passed)
        {
            p.Status = ids.Contains(p.Id) ? FundProjectStatus.Funded : FundProjectStatus.NotFunded;
        }
        await db.SaveChangesAsync(ct);
        foreach (var p in passed.Where(p => p.Status == FundProjectStatus.Funded))
        {
            await Accountability.ResultTracker.TrackAsync(db, f.PlaceId, f.PlacePath, ResultSource.FundProject, p.Id, p.Title, l["{0} residents' committee", f.PlaceName], clock.GetUtcNow(), ct);
        }
        var funded = passed.Where(p => p.Status == FundProjectStatus.Funded).Select(p => $"<li>{System.Net.WebUtility.HtmlEncode(p.Title)}：{Yuan(p.BudgetFen)} 元</li>");
        await notices.PublishAsync(f.PlaceId, NoticeBoard.Finance, l["{0} community fund {1}: projects funded", f.PlaceName, f.Year],
            $"<p>{System.Net.WebUtility.HtmlEncode(l["Funded: {0} yuan of {1} yuan.", Yuan(total), Yuan(f.AmountFen)])}</p><ul>{string.Concat(funded)}</ul>", ct);
        return new(await DetailAsync(id, ct), null, 200);
    }
}
