namespace Jiayuan.Core.Hosting;

/// <summary>Output-cache policy names and tags shared by modules.</summary>
public static class CachePolicies
{
    /// <summary>Anonymous pages: cached briefly per culture; never for signed-in users.</summary>
    public const string AnonymousPage = "anonymous-page";

    /// <summary>Tag evicted whenever content shown on home pages changes.</summary>
    public const string HomeTag = "home";
}
