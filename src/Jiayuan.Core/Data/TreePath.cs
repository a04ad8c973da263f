namespace Jiayuan.Core.Data;

/// <summary>
/// Materialized-path helpers. A subtree is the node plus the half-open range [path + "/", path + "0"): '0' sorts right after '/',
/// so the range is one indexed scan on either database (LIKE 'x%' would not use the index on SQLite).
/// </summary>
public static class TreePath
{
    public static (string From, string To) Descendants(string path) => (path + "/", path + "0");

    public static string[] Ancestors(string path)
    {
        var result = new List<string>();
        var i = 0;
        while ((i = path.IndexOf('/', i + 1)) > 0)
        {
            result.Add(path[..i]);
        }
        result.Add(path);
        return [.. result];
    }
}
