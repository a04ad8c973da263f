using System.Globalization;
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

namespace Jiayuan.Consultation.Features.Polls;

public sealed record PollInput(long? PlaceId, string? Title, string? Description, PollKind? Kind, IReadOnlyList<string>? Options,
    PollElectorate? Electorate = null, int? MaxChoices = null, int? ScoreMax = null, int? QuorumPercent = null, int? RequiredSharePercent = null,
    bool Anonymous = false, bool LiveResults = false, DateTimeOffset? OpensAt = null, DateTimeOffset? ClosesAt = null, long? BodyId = null);

/// <summary>A vote: option ids (in preference order for ranked choice), scores by option id, or a consent position.</summary>
public sealed record VoteInput(IReadOnlyList<long>? Options = null, IReadOnlyDictionary<string, int>? Scores = null, string? Position = null);

public sealed record PollOptionRow(long Id, string Text, long Votes, long Score);

public sealed record PollRound(int Round, IReadOnlyList<PollOptionRow> Counts, long Continuing, long? Eliminated);

public sealed record PollVoter(string Name, string Vote);

public sealed record PollResults(int Ballots, int Electorate, bool QuorumMet, bool Passed, long? WinnerId, IReadOnlyList<PollOptionRow> Options,
    IReadOnlyDictionary<string, int>? Consent, IReadOnlyList<PollRound>? Rounds, IReadOnlyList<string> Reasons, IReadOnlyList<PollVoter>? Voters);

public sealed record PollSummary(long Id, string Title, string PlaceName, PollKind Kind, PollElectorate Electorate, bool Anonymous, bool LiveResults,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open);

/// <summary>A poll with its options; <c>Results</c> is null while they are hidden (until the poll closes, unless live).</summary>
public sealed record PollDetail(PollSummary Poll, string? Description, IReadOnlyList<PollOptionRow> Options, int MaxChoices, int ScoreMax, int QuorumPercent,
    int RequiredSharePercent, int Ballots, bool ResultsHidden, PollResults? Results);

public sealed record PollVoteReceipt(long PollId, DateTimeOffset CastAt);

/// <summary>Polls (投票): single or multiple choice, consent with block, score, ranked choice; one vote per eligible person.</summary>
public static class PollEndpoints
{
    public static RouteGroupBuilder MapPolls(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/polls", async (PollInput input, PollService s, ClaimsPrincipal user, CancellationToken ct) =>
                await s.CreateAsync(input, user, ct) switch
                {
                    (_, _, 404) => Results.NotFound(),
                    (_, _, 403) => Results.Forbid(),
                    ({ } poll, _, _) => TypedResults.Created($"/api/v1/consultation/polls/{poll.Poll.Id}", poll),
                    (_, var errors, _) => errors.ToProblem(),
                })
            .RequireAuthorization().WithName("CreatePoll").WithSummary("Open a poll for the residents under a place or the owners of a compound.");
        api.MapGet("/consultation/polls", async (string? scope, PollService s, IPlaceDirectory places, CancellationToken ct) =>
                await places.ScopeAsync(scope, ct) is { } place ? Results.Ok(await s.ListAsync(place.Path, ct)) : Results.NotFound())
            .AllowAnonymous().WithName("ListPolls").WithSummary("Polls under a place (a place code in scope; the subdistrict by default), newest first.");
        api.MapGet("/consultation/polls/{id:long}", async (long id, PollService s, CancellationToken ct) =>
                await s.DetailAsync(id, ct) is { } detail ? Results.Ok(detail) : Results.NotFound())
            .AllowAnonymous().WithName("GetPoll").WithSummary("A poll with its results, unless they are hidden until it closes.");
        api.MapPost("/consultation/polls/{id:long}/votes", async (long id, VoteInput input, PollService s, ClaimsPrincipal user, CancellationToken ct) =>
                (await s.VoteAsync(id, input, user, ct)).ToResult())
            .RequireAuthorization().WithName("CastPollVote").WithSummary("Vote once in a poll you are eligible for.");
        return api;
    }
}

/// <summary>What a vote came to: a receipt, field errors, or a status with its reason.</summary>
public sealed record PollVoteOutcome(PollVoteReceipt? Receipt, FieldErrors? Errors, int Status, string? Reason)
{
    public IResult ToResult() => Status switch
    {
        201 => TypedResults.Created($"/api/v1/consultation/polls/{Receipt!.PollId}", Receipt),
        400 => Errors!.ToProblem(),
        404 => TypedResults.NotFound(),
        _ => ConsultationAccess.Problem(Status, Reason ?? ""),
    };
}

internal sealed class PollService(JiayuanDbContext db, IPlaceDirectory places, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public FieldErrors NewErrors() => new(l);

    public async Task<(PollDetail? Poll, FieldErrors Errors, int Status)> CreateAsync(PollInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors(l);
        var place = input.PlaceId is { } pid ? await places.FindAsync(pid, ct) : null;
        if (place is null)
        {
            errors.Add("placeId", "Choose the place whose residents vote.");
        }
        else if (!user.Covers(place.Path, ConsultationAccess.Staff))
        {
            return (null, errors, 403);
        }
        var electorate = input.Electorate ?? PollElectorate.PlaceSubtree;
        if (!Enum.IsDefined(electorate))
        {
            errors.Add("electorate", "Choose who votes.");
        }
        else if (electorate == PollElectorate.CompoundOwners && place is not null && place.Kind != PlaceKind.Courtyard)
        {
            errors.Add("electorate", "Owners vote in a compound: choose a courtyard as the place.");
        }
        else if (electorate == PollElectorate.BodyMembers && place is not null)
        {
            var body = input.BodyId is { } bid ? await db.Set<Body>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bid, ct) : null;
            if (body is null || !Scope.IsWithin(body.PlacePath, place.Path))
            {
                errors.Add("bodyId", "Choose a body of this place whose members vote.");
            }
        }
        errors.Required("title", input.Title, "Title").MaxLength("title", input.Title, 200, "Title").MaxLength("description", input.Description, 4000, "Description");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose the kind of poll.");
            kind = PollKind.SingleChoice;
        }
        var options = (input.Options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (kind != PollKind.Consent)
        {
            if (options.Count is < 2 or > 20 || options.Any(o => o.Length is 0 or > 200))
            {
                errors.Add("options", "Give 2 to 20 options of at most 200 characters each.");
            }
            else if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                errors.Add("options", "Each option must differ from the others.");
            }
        }
        else
        {
            options = [];
        }
        var maxChoices = kind == PollKind.MultipleChoice ? input.MaxChoices ?? 0 : 1;
        if (kind == PollKind.MultipleChoice && (maxChoices < 0 || maxChoices > options.Count))
        {
            errors.Add("maxChoices", "At most 0 (any number) to {0} choices.", options.Count);
        }
        var scoreMax = kind == PollKind.Score ? input.ScoreMax ?? 5 : 0;
        if (kind == PollKind.Score && scoreMax is < 1 or > 10)
        {
            errors.Add("scoreMax", "The highest score is 1 to 10.");
        }
        var quorum = input.QuorumPercent ?? 0;
        if (quorum is < 0 or > 100)
        {
            errors.Add("quorumPercent", "The quorum is a percentage from 0 to 100.");
        }
        var required = input.RequiredSharePercent ?? 50;
        if (required is < 1 or > 100)
        {
            errors.Add("requiredSharePercent", "The required share is a percentage from 1 to 100.");
        }
        var now = clock.GetUtcNow();
        var opens = (input.OpensAt ?? now).ToUniversalTime();
        var closes = (input.ClosesAt ?? opens.AddDays(7)).ToUniversalTime();
        if (closes <= opens || closes <= now)
        {
            errors.Add("closesAt", "Voting must close after it opens, and in the future.");
        }
        if (errors.Any || place is null)
        {
            return (null, errors, 400);
        }
        var poll = new Poll
        {
            PlaceId = place.Id, PlacePath = place.Path, PlaceName = place.Name, Title = input.Title!.Trim(), Description = input.Description?.Trim(), Kind = kind,
            Electorate = electorate, BodyId = electorate == PollElectorate.BodyMembers ? input.BodyId : null, MaxChoices = maxChoices, ScoreMax = scoreMax, QuorumPercent = quorum, RequiredSharePercent = required, Anonymous = input.Anonymous,
            LiveResults = input.LiveResults, OpensAt = opens, ClosesAt = closes, CreatedById = user.UserId(), CreatedAt = now,
        };
        db.Add(poll);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < options.Count; i++)
        {
            db.Add(new PollOption { PollId = poll.Id, Position = i + 1, Text = options[i] });
        }
        await db.SaveChangesAsync(ct);
        return (await DetailAsync(poll.Id, ct), errors, 201);
    }

    public async Task<List<PollSummary>> ListAsync(string path, CancellationToken ct)
    {
        var (from, to) = TreePath.Descendants(path);
        var now = clock.GetUtcNow();
        var rows = await db.Set<Poll>().AsNoTracking()
            .Where(p => p.PlacePath == path || (string.Compare(p.PlacePath, from) >= 0 && string.Compare(p.PlacePath, to) < 0))
            .OrderByDescending(p => p.Id).Take(100).ToListAsync(ct);
        return [.. rows.Select(p => Summary(p, now))];
    }

    private static PollSummary Summary(Poll p, DateTimeOffset now) =>
        new(p.Id, p.Title, p.PlaceName, p.Kind, p.Electorate, p.Anonymous, p.LiveResults, p.OpensAt, p.ClosesAt, p.IsOpenAt(now));

    public async Task<PollDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (poll is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var options = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == id).OrderBy(o => o.Position).ToListAsync(ct);
        var hidden = !poll.LiveResults && poll.IsOpenAt(now);
        var ballots = await db.Set<PollParticipation>().CountAsync(p => p.PollId == id, ct);
        PollResults? results = null;
        if (!hidden)
        {
            var rows = await db.Set<PollBallot>().AsNoTracking().Where(b => b.PollId == id).OrderBy(b => b.Id).Select(b => new { b.Content, b.VoterName }).ToListAsync(ct);
            var outcome = PollCounting.Count(poll, options, [.. rows.Select(r => r.Content)], await ElectorateSizeAsync(poll, ct));
            var names = options.ToDictionary(o => o.Id, o => o.Text);
            results = new PollResults(outcome.Ballots, outcome.Electorate, outcome.QuorumMet, outcome.Passed, outcome.WinnerId,
                [.. outcome.Options.Select(o => new PollOptionRow(o.OptionId, o.Text, o.Votes, o.Score))],
                poll.Kind == PollKind.Consent ? outcome.Consent.ToDictionary(c => c.Key.ToString(), c => c.Value) : null,
                poll.Kind == PollKind.RankedChoice ? [.. outcome.Rounds.Select(r => new PollRound(r.Round, [.. r.Counts.Select(c => new PollOptionRow(c.OptionId, names[c.OptionId], c.Votes, 0))], r.Continuing, r.Eliminated))] : null,
                [.. outcome.Reasons.Select(r => l[r.Key, r.Args].Value)],
                poll.Anonymous ? null : [.. rows.Take(500).Select(r => new PollVoter(Masking.Name(r.VoterName ?? "?"), Describe(poll, r.Content, names)))]);
        }
        return new PollDetail(Summary(poll, now), poll.Description, [.. options.Select(o => new PollOptionRow(o.Id, o.Text, 0, 0))], poll.MaxChoices, poll.ScoreMax,
            poll.QuorumPercent, poll.RequiredSharePercent, ballots, hidden, results);
    }

    private string Describe(Poll poll, string content, Dictionary<long, string> names) => poll.Kind switch
    {
        PollKind.Consent => Enum.TryParse<ConsentPosition>(content, out var p) ? l[PollLabels.Position(p)] : content,
        PollKind.Score => string.Join("，", content.Split(',').Select(part => part.Split(':')).Where(x => x.Length == 2 && long.TryParse(x[0], CultureInfo.InvariantCulture, out var id) && names.ContainsKey(id))
            .Select(x => names[long.Parse(x[0], CultureInfo.InvariantCulture)] + " " + x[1])),
        _ => string.Join(poll.Kind == PollKind.RankedChoice ? " > " : "，", PollCounting.Ids(content).Where(names.ContainsKey).Select(id => names[id])),
    };

    /// <summary>How many may vote: residents whose home is under the place, or the owners on the compound's roster.</summary>
    public async Task<int> ElectorateSizeAsync(Poll poll, CancellationToken ct)
    {
        if (poll.Electorate == PollElectorate.CompoundOwners)
        {
            return await db.Set<CompoundOwner>().CountAsync(o => o.CourtyardId == poll.PlaceId, ct);
        }
        if (poll.Electorate == PollElectorate.BodyMembers)
        {
            return await db.Set<BodyMember>().CountAsync(m => m.BodyId == poll.BodyId, ct);
        }
        var ids = new List<long> { poll.PlaceId };
        foreach (var kind in Enum.GetValues<PlaceKind>())
        {
            ids.AddRange((await places.DescendantsAsync(poll.PlacePath, kind, ct)).Select(p => p.Id));
        }
        return await db.Users.CountAsync(u => u.HomePlaceId != null && ids.Contains(u.HomePlaceId.Value), ct);
    }

    /// <summary>Whether the caller may vote in the poll; null when eligible, else the reason.</summary>
    private async Task<(string? Refusal, string Name)> EligibilityAsync(Poll poll, long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.HomePlaceId, u.DisplayName, u.UserName }).FirstOrDefaultAsync(ct);
        var name = user?.DisplayName ?? user?.UserName ?? "?";
        if (poll.Electorate == PollElectorate.CompoundOwners)
        {
            return await db.Set<CompoundOwner>().AnyAsync(o => o.CourtyardId == poll.PlaceId && o.UserId == userId, ct)
                ? (null, name) : (l["Only owners on the roster of {0} vote in this poll.", poll.PlaceName], name);
        }
        if (poll.Electorate == PollElectorate.BodyMembers)
        {
            return await db.Set<BodyMember>().AnyAsync(m => m.BodyId == poll.BodyId && m.UserId == userId, ct)
                ? (null, name) : (l["Only the members of the body vote in this poll."], name);
        }
        var home = user?.HomePlaceId is { } h ? await places.FindAsync(h, ct) : null;
        return home is not null && Scope.IsWithin(home.Path, poll.PlacePath)
            ? (null, name) : (l["Only residents of {0} vote in this poll; set your community in your profile.", poll.PlaceName], name);
    }

    public async Task<PollVoteOutcome> VoteAsync(long id, VoteInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (poll is null || user.UserId() is not { } userId)
        {
            return new(null, null, 404, null);
        }
        var now = clock.GetUtcNow();
        if (!poll.IsOpenAt(now))
        {
            return new(null, null, 422, l["Voting on this poll is open from {0} to {1}.", Jiayuan.Core.Text.Dates.Format(poll.OpensAt), Jiayuan.Core.Text.Dates.Format(poll.ClosesAt)]);
        }
        var (refusal, name) = await EligibilityAsync(poll, userId, ct);
        if (refusal is not null)
        {
            return new(null, null, 403, refusal);
        }
        var errors = new FieldErrors(l);
        var optionIds = poll.Kind == PollKind.Consent ? [] : await db.Set<PollOption>().Where(o => o.PollId == id).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync(ct);
        var content = Content(poll, optionIds, input, errors);
        if (errors.Any || content is null)
        {
            return new(null, errors, 400, null);
        }
        if (await db.Set<PollParticipation>().AnyAsync(p => p.PollId == id && p.UserId == userId, ct))
        {
            return new(null, null, 409, l["You have already voted in this poll; each person votes once."]);
        }
        db.Add(new PollParticipation { PollId = id, UserId = userId, CastAt = now });
        db.Add(new PollBallot
        {
            PollId = id, Content = content, VoterId = poll.Anonymous ? null : userId, VoterName = poll.Anonymous ? null : name, CastAt = poll.Anonymous ? null : now,
        });
        try
        {
            // One transaction: the unique (poll, user) index refuses a second participation, and its ballot with it.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(null, null, 409, l["You have already voted in this poll; each person votes once."]);
        }
        return new(new PollVoteReceipt(id, now), null, 201, null);
    }

    private static string? Content(Poll poll, List<long> optionIds, VoteInput input, FieldErrors errors)
    {
        var chosen = input.Options ?? [];
        switch (poll.Kind)
        {
            case PollKind.Consent:
                if (!Enum.TryParse<ConsentPosition>(input.Position, ignoreCase: true, out var position) || !Enum.IsDefined(position) || int.TryParse(input.Position, out _))
                {
                    errors.Add("position", "Choose agree, abstain, disagree or block.");
                    return null;
                }
                return position.ToString();
            case PollKind.Score:
                var scores = new List<string>();
                foreach (var option in optionIds)
                {
                    if (input.Scores is null || !input.Scores.TryGetValue(option.ToString(CultureInfo.InvariantCulture), out var score) || score < 0 || score > poll.ScoreMax)
                    {
                        errors.Add("scores", "Score every option from 0 to {0}.", poll.ScoreMax);
                        return null;
                    }
                    scores.Add(option.ToString(CultureInfo.InvariantCulture) + ":" + score.ToString(CultureInfo.InvariantCulture));
                }
                return string.Join(',', scores);
            default:
                if (chosen.Count == 0 || chosen.Any(o => !optionIds.Contains(o)) || chosen.Distinct().Count() != chosen.Count)
                {
                    errors.Add("options", "Choose among the poll's options, each at most once.");
                    return null;
                }
                if (poll.Kind == PollKind.SingleChoice && chosen.Count != 1)
                {
                    errors.Add("options", "Choose one option.");
                    return null;
                }
                if (poll.Kind == PollKind.MultipleChoice && poll.MaxChoices > 0 && chosen.Count > poll.MaxChoices)
                {
                    errors.Add("options", "Choose at most {0} options.", poll.MaxChoices);
                    return null;
                }
                return string.Join(',', chosen.Select(o => o.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
