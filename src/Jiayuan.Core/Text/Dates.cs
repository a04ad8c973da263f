using System.Globalization;
using Jiayuan.Core.Localization;

namespace Jiayuan.Core.Text;

/// <summary>Dates and sizes as residents read them, in China Standard Time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo _china = FindChina();

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }

    public static DateTimeOffset ToChina(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, _china);

    /// <summary>Today's date in China, whatever the server's time zone (rules such as "no back-filling" count Chinese days).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToChina(clock.GetUtcNow()).DateTime);

    public static string Format(DateTimeOffset value)
    {
        var local = ToChina(value);
        return Cultures.IsChinese
            ? local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
