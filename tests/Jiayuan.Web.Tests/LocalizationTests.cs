using System.Collections;
using System.Globalization;
using System.Resources;

namespace Jiayuan.Web.Tests;

/// <summary>zh-CN is complete: no English text of the string table shows on the Chinese pages, and every key has a translation.</summary>
public class LocalizationTests(JiayuanApp app)
{
    private static readonly ResourceManager Resources = new("Jiayuan.Core.Resources.SharedResource", typeof(Core.SharedResource).Assembly);

    private static List<string> EnglishTexts() =>
        [.. Resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>()
            .Select(e => (string)e.Value!).Where(v => v.Contains(' ', StringComparison.Ordinal) && !v.Contains('{', StringComparison.Ordinal))];

    [Fact]
    public void EveryKey_HasAChineseTranslation()
    {
        var zh = Resources.GetResourceSet(new CultureInfo("zh-CN"), true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
        var missing = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => !zh.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing zh-CN: " + string.Join(" | ", missing));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/c/510107063002")]
    [InlineData("/c/510107063002/notices")]
    [InlineData("/places")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/notices/1")]
    public async Task ChinesePage_ShowsNoEnglishStrings(string path)
    {
        var html = await app.Anonymous().GetStringAsync(path);
        var leaks = EnglishTexts().Where(t => html.Contains(t, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{path} shows English: " + string.Join(" | ", leaks));
    }
}
