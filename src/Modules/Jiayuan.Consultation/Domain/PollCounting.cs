using System.Globalization;
using Jiayuan.Consultation.Contracts;

namespace Jiayuan.Consultation.Domain;

internal sealed record OptionTotal(long OptionId, string Text, long Votes, long Score);

internal sealed record RankRound(int Round, IReadOnlyList<(long OptionId, long Votes)> Counts, long Continuing, long? Eliminated);

internal sealed record PollOutcome(int Ballots, int Electorate, bool QuorumMet, bool Passed, long? WinnerId, IReadOnlyList<OptionTotal> Options,
    IReadOnlyDictionary<ConsentPosition, int> Consent, IReadOnlyList<RankRound> Rounds, IReadOnlyList<Reason> Reasons);

/// <summary>
/// Counts a poll's ballots, integers only. Quorum: <c>100*ballots ≥ quorum%*electorate</c>. Single/multiple choice: a
/// unique leader with <c>100*votes ≥ required%*ballots</c>. Consent: no block and <c>100*agree ≥ required%*(agree+disagree)</c>.
/// Score: a unique leader whose total reaches <c>required%</c> of the maximum (<c>100*total ≥ required%*max*ballots</c>).
/// Ranked choice: instant runoff, a winner needs more than half of the continuing ballots; ties eliminate the later option.
/// </summary>
internal static class PollCounting
{
    public static PollOutcome Count(Poll poll, IReadOnlyList<PollOption> options, IReadOnlyList<string> ballots, int electorate)
    {
        var reasons = new List<Reason>();
        var n = ballots.Count;
        var quorumMet = 100L * n >= (long)poll.QuorumPercent * electorate;
        reasons.Add(new Reason(quorumMet ? "Quorum met: {0} of {1} eligible voted (at least {2}% required)." : "Quorum not met: {0} of {1} eligible voted; at least {2}% must vote.",
            [n, electorate, poll.QuorumPercent], quorumMet));
        var totals = options.ToDictionary(o => o.Id, _ => (Votes: 0L, Score: 0L));
        var consent = Enum.GetValues<ConsentPosition>().ToDictionary(p => p, _ => 0);
        var rounds = new List<RankRound>();
        long? winner = null;
        var passed = false;
        var ordered = options.OrderBy(o => o.Position).ToList();
        switch (poll.Kind)
        {
            case PollKind.SingleChoice or PollKind.MultipleChoice:
                foreach (var b in ballots)
                {
                    foreach (var id in Ids(b).Where(totals.ContainsKey))
                    {
                        totals[id] = (totals[id].Votes + 1, 0);
                    }
                }
                winner = UniqueMax(ordered.Select(o => (o.Id, totals[o.Id].Votes)));
                if (winner is { } w)
                {
                    var enough = n > 0 && 100L * totals[w].Votes >= (long)poll.RequiredSharePercent * n;
                    reasons.Add(new Reason(enough ? "“{0}” leads with {1} of {2} ballots (at least {3}% required)." : "“{0}” leads with {1} of {2} ballots, short of the required {3}%.",
                        [Text(ordered, w), totals[w].Votes, n, poll.RequiredSharePercent], enough));
                    passed = quorumMet && enough;
                }
                else if (n > 0)
                {
                    reasons.Add(new Reason("No single option leads: the top options are tied.", [], false));
                }
                break;
            case PollKind.Consent:
                foreach (var b in ballots)
                {
                    if (Enum.TryParse<ConsentPosition>(b, out var p))
                    {
                        consent[p]++;
                    }
                }
                var (agree, disagree, block) = (consent[ConsentPosition.Agree], consent[ConsentPosition.Disagree], consent[ConsentPosition.Block]);
                if (block > 0)
                {
                    reasons.Add(new Reason("Blocked: {0} voter(s) block the proposal.", [block], false));
                }
                var share = agree > 0 && 100L * agree >= (long)poll.RequiredSharePercent * (agree + disagree);
                reasons.Add(new Reason(share ? "{0} agree and {1} disagree (abstentions not counted): at least {2}% agree." : "{0} agree and {1} disagree (abstentions not counted): fewer than {2}% agree.",
                    [agree, disagree, poll.RequiredSharePercent], share));
                passed = quorumMet && block == 0 && share;
                break;
            case PollKind.Score:
                foreach (var b in ballots)
                {
                    foreach (var part in b.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var colon = part.IndexOf(':', StringComparison.Ordinal);
                        if (colon > 0 && long.TryParse(part[..colon], CultureInfo.InvariantCulture, out var id) && int.TryParse(part[(colon + 1)..], CultureInfo.InvariantCulture, out var score)
                            && totals.TryGetValue(id, out var t))
                        {
                            totals[id] = (t.Votes + 1, t.Score + score);
                        }
                    }
                }
                winner = UniqueMax(ordered.Select(o => (o.Id, totals[o.Id].Score)));
                if (winner is { } sw)
                {
                    var enough = n > 0 && 100L * totals[sw].Score >= (long)poll.RequiredSharePercent * poll.ScoreMax * n;
                    reasons.Add(new Reason(enough ? "“{0}” has the highest score, {1} (at least {2}% of the maximum {3})." : "“{0}” has the highest score, {1}, short of {2}% of the maximum {3}.",
                        [Text(ordered, sw), totals[sw].Score, poll.RequiredSharePercent, (long)poll.ScoreMax * n], enough));
                    passed = quorumMet && enough;
                }
                else if (n > 0)
                {
                    reasons.Add(new Reason("No single option leads: the top options are tied.", [], false));
                }
                break;
            case PollKind.RankedChoice:
                var rankings = ballots.Select(b => Ids(b).Where(totals.ContainsKey).ToList()).ToList();
                foreach (var r in rankings.Where(r => r.Count > 0))
                {
                    totals[r[0]] = (totals[r[0]].Votes + 1, 0);
                }
                winner = Runoff(ordered.Select(o => o.Id).ToList(), rankings, rounds);
                reasons.Add(winner is { } rw
                    ? new Reason("“{0}” wins the instant runoff in round {1} with more than half of the continuing ballots.", [Text(ordered, rw), rounds.Count], true)
                    : new Reason("No option wins more than half of the continuing ballots.", [], false));
                passed = quorumMet && winner is not null;
                break;
        }
        return new PollOutcome(n, electorate, quorumMet, passed, winner, [.. ordered.Select(o => new OptionTotal(o.Id, o.Text, totals[o.Id].Votes, totals[o.Id].Score))],
            consent, rounds, reasons);
    }

    private static long? Runoff(List<long> continuing, List<List<long>> rankings, List<RankRound> rounds)
    {
        var remaining = new List<long>(continuing);
        while (remaining.Count > 0)
        {
            var counts = remaining.ToDictionary(id => id, _ => 0L);
            foreach (var r in rankings)
            {
                var first = r.FirstOrDefault(remaining.Contains);
                if (first != 0)
                {
                    counts[first]++;
                }
            }
            var total = counts.Values.Sum();
            var list = remaining.Select(id => (id, counts[id])).ToList();
            var top = list.OrderByDescending(c => c.Item2).First();
            if (total > 0 && 2 * top.Item2 > total)
            {
                rounds.Add(new RankRound(rounds.Count + 1, list, total, null));
                return top.id;
            }
            if (total == 0 || remaining.Count == 1)
            {
                rounds.Add(new RankRound(rounds.Count + 1, list, total, null));
                return null;
            }
            // Eliminate the fewest; among equals, the option listed last.
            var min = list.Min(c => c.Item2);
            var out_ = list.Last(c => c.Item2 == min).id;
            rounds.Add(new RankRound(rounds.Count + 1, list, total, out_));
            remaining.Remove(out_);
        }
        return null;
    }

    private static long? UniqueMax(IEnumerable<(long Id, long Value)> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return null;
        }
        var max = list.Max(v => v.Value);
        var top = list.Where(v => v.Value == max).ToList();
        return max > 0 && top.Count == 1 ? top[0].Id : null;
    }

    public static IEnumerable<long> Ids(string content) =>
        content.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => long.TryParse(p, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0);

    private static string Text(List<PollOption> options, long id) => options.First(o => o.Id == id).Text;
}
