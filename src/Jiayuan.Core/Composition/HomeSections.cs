namespace Jiayuan.Core.Composition;

/// <summary>
/// A block another module contributes to a place's home page (e.g. Notices adds the notice list). The component receives
/// <c>PlaceId</c> (long), <c>PlacePath</c> and <c>PlaceCode</c> (string) parameters. Sections render concurrently:
/// a section must not use the request's scoped DbContext; it creates its own from the factory.
/// </summary>
public sealed record HomeSection(Type Component, int Order);

/// <summary>All contributed home-page sections, in order.</summary>
public sealed class HomeSections(IEnumerable<HomeSection> sections)
{
    public IReadOnlyList<HomeSection> All { get; } = [.. sections.OrderBy(s => s.Order)];
}

/// <summary>A link a module adds to the main navigation; <paramref name="Staff"/> links show only to staff.</summary>
public sealed record NavItem(string Href, string Text, int Order, bool Staff = false);
