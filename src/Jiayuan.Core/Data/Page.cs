namespace Jiayuan.Core.Data;

/// <summary>One page of a list, with the total for pagers.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    /// <summary>Page number ≥ 1 and a page size within 1..<paramref name="max"/>.</summary>
    public static (int Number, int Size) Normalize(int? page, int? pageSize, int max = 100) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, max));
}
