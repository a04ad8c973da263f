using Ganss.Xss;

namespace Jiayuan.Core.Text;

/// <summary>Sanitizes user-written rich text: formatting, links and images stay; scripts, handlers and styles that run code go.</summary>
public static class RichText
{
    private static readonly HtmlSanitizer _sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        return s;
    }

    public static string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>Plain text of sanitized HTML for search and previews.</summary>
    public static string ToPlainText(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
    }
}
