using System.Globalization;

namespace Jiayuan.Consultation.Domain;

/// <summary>A sentence of the verdict: a resource key (English text) and its arguments, localized at the edge.</summary>
internal sealed record Reason(string Key, object[] Args, bool Met);

/// <summary>The outcome of an owners' decision.</summary>
internal sealed record OwnersVerdict(bool Major, bool ParticipationMet, bool Approved, IReadOnlyList<Reason> Reasons);

/// <summary>
/// 《民法典》第278条 with integer arithmetic only (areas in hundredths of m², as the register has them):
/// participation <c>3*pA ≥ 2*totA ∧ 3*pN ≥ 2*totN</c>; major matters (6, 7, 8) <c>4*yA ≥ 3*pA ∧ 4*yN ≥ 3*pN</c>;
/// every other matter <c>2*yA &gt; pA ∧ 2*yN &gt; pN</c> ("以上" includes the bound, "过半数" is strictly more than half).
/// The one place these numbers live; the calculator endpoint and the online tally both call it.
/// </summary>
internal static class OwnersDecisionRules
{
    public static bool IsMajor(int matter) => matter is 6 or 7 or 8;

    public static OwnersVerdict Evaluate(int matter, long totalArea, long totalOwners, long participatingArea, long participatingOwners, long yesArea, long yesOwners)
    {
        if (matter is < 1 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(matter), "Matters are numbered 1 to 9.");
        }
        if (totalArea <= 0 || totalOwners <= 0 || participatingArea < 0 || participatingOwners < 0 || yesArea < 0 || yesOwners < 0
            || participatingArea > totalArea || participatingOwners > totalOwners || yesArea > participatingArea || yesOwners > participatingOwners)
        {
            throw new ArgumentException("Figures must satisfy 0 ≤ yes ≤ participating ≤ total, with positive totals.");
        }
        var major = IsMajor(matter);
        var reasons = new List<Reason>();

        // Participation: at least two thirds of the exclusive area and of the owners.
        var areaTaking = 3 * participatingArea >= 2 * totalArea;
        var ownersTaking = 3 * participatingOwners >= 2 * totalOwners;
        reasons.Add(new Reason(areaTaking
                ? "Participation by area met: {0} m² of {1} m² took part (at least two thirds, {2} m², required)."
                : "Participation by area failed: {0} m² of {1} m² took part; at least two thirds ({2} m²) are required.",
            [Area(participatingArea), Area(totalArea), Area(CeilDiv(2 * totalArea, 3))], areaTaking));
        reasons.Add(new Reason(ownersTaking
                ? "Participation by owners met: {0} of {1} owners took part (at least two thirds, {2}, required)."
                : "Participation by owners failed: {0} of {1} owners took part; at least two thirds ({2}) are required.",
            [participatingOwners, totalOwners, CeilDiv(2 * totalOwners, 3)], ownersTaking));
        var participationMet = areaTaking && ownersTaking;

        bool areaYes, ownersYes;
        if (major)
        {
            areaYes = 4 * yesArea >= 3 * participatingArea;
            ownersYes = 4 * yesOwners >= 3 * participatingOwners;
            reasons.Add(new Reason(areaYes
                    ? "Approval by area met: {0} m² of the {1} m² taking part agreed (at least three quarters, {2} m², required for this major matter)."
                    : "Approval by area failed: {0} m² of the {1} m² taking part agreed; this major matter needs at least three quarters ({2} m²).",
                [Area(yesArea), Area(participatingArea), Area(CeilDiv(3 * participatingArea, 4))], areaYes));
            reasons.Add(new Reason(ownersYes
                    ? "Approval by owners met: {0} of the {1} owners taking part agreed (at least three quarters, {2}, required for this major matter)."
                    : "Approval by owners failed: {0} of the {1} owners taking part agreed; this major matter needs at least three quarters ({2}).",
                [yesOwners, participatingOwners, CeilDiv(3 * participatingOwners, 4)], ownersYes));
        }
        else
        {
            areaYes = 2 * yesArea > participatingArea;
            ownersYes = 2 * yesOwners > participatingOwners;
            reasons.Add(new Reason(areaYes
                    ? "Approval by area met: {0} m² of the {1} m² taking part agreed (more than half, at least {2} m², required)."
                    : "Approval by area failed: {0} m² of the {1} m² taking part agreed; more than half (at least {2} m²) is required.",
                [Area(yesArea), Area(participatingArea), Area(participatingArea / 2 + 1)], areaYes));
            reasons.Add(new Reason(ownersYes
                    ? "Approval by owners met: {0} of the {1} owners taking part agreed (more than half, at least {2}, required)."
                    : "Approval by owners failed: {0} of the {1} owners taking part agreed; more than half (at least {2}) is required.",
                [yesOwners, participatingOwners, participatingOwners / 2 + 1], ownersYes));
        }
        return new OwnersVerdict(major, participationMet, participationMet && areaYes && ownersYes, reasons);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    /// <summary>Hundredths of m² as "1234.56".</summary>
    public static string Area(long hundredths) =>
        (hundredths / 100).ToString(CultureInfo.InvariantCulture) + "." + (hundredths % 100).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Parses "1234.5" or "1234.56" (m², at most 2 decimals, no sign, no exponent) into hundredths; null when not such a number.</summary>
    public static long? ParseArea(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var s = text.Trim();
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "" : s[(dot + 1)..];
        if (whole.Length is 0 or > 12 || fraction.Length > 2 || (dot >= 0 && fraction.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return null;
        }
        return long.Parse(whole, CultureInfo.InvariantCulture) * 100 + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
    }
}
