using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jiayuan.Testing;

/// <summary>Counts the SQL commands run while a scope is open on the current async flow (tests run in parallel).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox> _current = new();

    private sealed class StrongBox
    {
        public int Count;
    }

    /// <summary>Starts counting for the calls made in this async flow; read the count from the returned function.</summary>
    public static Func<int> Start()
    {
        var box = new StrongBox();
        _current.Value = box;
        return () => box.Count;
    }

    private static void Hit()
    {
        if (_current.Value is { } box)
        {
            Interlocked.Increment(ref box.Count);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Hit();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Hit();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Hit();
        return ValueTask.FromResult(result);
    }
}
