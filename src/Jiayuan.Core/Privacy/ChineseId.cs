using System.Globalization;
using System.Text;

namespace Jiayuan.Core.Privacy;

/// <summary>Citizen ID numbers under GB 11643-1999: 18 characters with a mod-11 check character, or legacy 15 digits.</summary>
public static class ChineseId
{
    private static readonly int[] _weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Full-width digits and letters become ASCII, spaces go, a trailing x becomes X.</summary>
    public static string Normalize(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            var ch = c is >= '\uFF10' and <= '\uFF19' ? (char)(c - '\uFF10' + '0')
                : c is '\uFF58' or '\uFF38' ? 'X'
                : c;
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }
            sb.Append(ch == 'x' ? 'X' : ch);
        }
        return sb.ToString();
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * _weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Validates a normalized ID; the address code is not checked against a list (retired codes stay valid).</summary>
    public static bool IsValid(string normalized) => normalized.Length switch
    {
        15 => normalized.All(char.IsAsciiDigit)
            && DateTime.TryParseExact(string.Concat("19", normalized.AsSpan(6, 6)), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        18 => Valid18(normalized),
        _ => false,
    };

    private static bool Valid18(string id)
    {
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }
        if (!DateTime.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }
        return CheckCharacter(id.AsSpan(0, 17)) == id[17];
    }
}
