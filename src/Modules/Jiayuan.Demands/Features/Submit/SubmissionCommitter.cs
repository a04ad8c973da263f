using System.Threading.Channels;
using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Demands.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jiayuan.Demands.Features.Submit;

/// <summary>
/// Group commit for submissions: concurrent submissions are written in one transaction, so one disk sync (SQLite's
/// synchronous=FULL, PostgreSQL's WAL flush) acknowledges many demands. A submission's task completes only after its
/// transaction has committed, so a 201 is never sent for a demand that is not on disk. There is no added wait: while one
/// batch commits, the next one gathers. Each row is audited with its own caller, as the audit interceptor would.
/// If a batch fails, its submissions are retried one by one, so one bad row cannot fail its neighbours.
/// </summary>
internal sealed class SubmissionCommitter : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<JiayuanDbContext> _factory;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<SubmissionCommitter> _log;
    private readonly Task _loop;

    private sealed record Item(Demand Demand, IReadOnlyList<object> Rows, AuditRecords.Caller Caller, TaskCompletionSource Done);

    public SubmissionCommitter(IDbContextFactory<JiayuanDbContext> factory, IHttpContextAccessor http, TimeProvider clock, ILogger<SubmissionCommitter> log)
    {
        (_factory, _http, _clock, _log) = (factory, http, clock, log);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Stores <paramref name="demand"/> with its <paramref name="rows"/> (events, photos, notifications); returns once committed.</summary>
    public async Task CommitAsync(Demand demand, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var item = new Item(demand, rows, AuditRecords.Of(_http.HttpContext), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(item, ct);
        // Not cancellable once queued: the commit happens (or fails) for the batch as a whole.
        await item.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Item>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await WriteAsync(batch);
                batch.ForEach(i => i.Done.TrySetResult());
            }
            catch (Exception batchError) when (batch.Count > 1)
            {
                _log.LogWarning(batchError, "A group commit of {Count} submissions failed; committing them one by one", batch.Count);
                foreach (var item in batch)
                {
                    try
                    {
                        await WriteAsync([item]);
                        item.Done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        item.Done.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                batch.ForEach(i => i.Done.TrySetException(e));
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Item> batch)
    {
        // The rows are audited below with each submission's own caller, so the interceptor (which would name this loop) stays out.
        using var quiet = AuditSuppression.Begin();
        await using var db = await _factory.CreateDbContextAsync();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var item in batch)
            {
                db.Add(item.Demand);
                db.AddRange(item.Rows);
            }
            await db.SaveChangesAsync();
            var now = _clock.GetUtcNow();
            foreach (var item in batch)
            {
                db.Add(AuditRecords.Create(item.Caller, now, nameof(Demand), item.Demand.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "submitted"));
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
