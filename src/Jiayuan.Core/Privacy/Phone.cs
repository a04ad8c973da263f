using System.Text.RegularExpressions;

namespace Jiayuan.Core.Privacy;

/// <summary>Mainland mobile numbers: 1, then 3–9, then 9 digits (carriers not hard-coded).</summary>
public static partial class Phone
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobileRegex();

    public static string Normalize(string input)
    {
        var s = ChineseId.Normalize(input).Replace("-", "", StringComparison.Ordinal);
        return s.StartsWith("+86", StringComparison.Ordinal) ? s[3..] : s;
    }

    public static bool IsMobile(string normalized) => MobileRegex().IsMatch(normalized);
}
