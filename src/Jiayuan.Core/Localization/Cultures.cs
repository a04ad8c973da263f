using System.Globalization;

namespace Jiayuan.Core.Localization;

/// <summary>The cultures the UI speaks: zh-CN first, English complete.</summary>
public static class Cultures
{
    public const string Default = "zh-CN";
    public static readonly string[] Supported = ["zh-CN", "en"];

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
