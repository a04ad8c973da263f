using System.Security.Cryptography;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Core.Http;

/// <summary>The stored first response to a creating POST, replayed for retries carrying the same <c>Idempotency-Key</c>.</summary>
[Audit.NotAudited]
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Caller { get; set; }
    public required string Path { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Makes creating POSTs under /api safe to retry: the first request claims the key (UNIQUE per caller) before it runs,
/// its response is stored, and every retry gets that response back. A retry while the first is still running gets 409;
/// the same key with a different body gets 422. A first request that failed frees its key; one that never answered
/// (the process died) is taken over by a retry after <see cref="Abandoned"/>.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Path.StartsWithSegments("/api")
            // Sign-in and refresh responses carry tokens: never stored, and a retried sign-in is harmless.
            || context.Request.Path.StartsWithSegments("/api/v1/auth/login")
            || context.Request.Path.StartsWithSegments("/api/v1/auth/refresh")
            || !context.Request.Headers.TryGetValue(Header, out var keyValues)
            || string.IsNullOrWhiteSpace(keyValues.ToString()))
        {
            await next(context);
            return;
        }
        var key = keyValues.ToString().Trim();
        if (key.Length > 100)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, l["Idempotency key is too long (at most 100 characters)."]);
            return;
        }
        context.Request.EnableBuffering();
        string hash;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + context.Request.QueryString));
            var buffer = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
            hash = Convert.ToHexString(sha.GetHashAndReset());
            context.Request.Body.Position = 0;
        }
        // Anonymous callers are told apart by address, so two strangers' keys never collide.
        var caller = context.User.UserId()?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? "anon:" + context.Connection.RemoteIpAddress;

        await using var db = await factory.CreateDbContextAsync(context.RequestAborted);
        var record = new IdempotencyRecord { Key = key, Caller = caller, Path = context.Request.Path, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        // Two attempts: the second only after taking over a claim whose first request died without an answer.
        for (var attempt = 0; ; attempt++)
        {
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
                break;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
            var first = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key && r.Caller == caller, context.RequestAborted);
            if (first is not null && (attempt > 0 || !await TakeOverAbandonedAsync(db, first, hash, clock, context.RequestAborted)))
            {
                await ReplayAsync(context, first, hash, l);
                return;
            }
            if (attempt > 0)
            {
                // The key keeps changing hands under us: let the client retry shortly.
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, l["The first request with this Idempotency-Key is still being processed; retry shortly."]);
                return;
            }
            record.Id = 0;
        }

        var original = context.Response.Body;
        using var capture = new MemoryStream();
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        catch
        {
            // The request failed without a response to keep: free the key so the client can retry for real.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }
        capture.Position = 0;
        if (context.Response.StatusCode < 500)
        {
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } loc ? loc : null;
            record.Body = capture.ToArray();
            record.Completed = true;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            // A failed first attempt frees the key so the client can retry for real.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await capture.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>How long a claim may stay unanswered before a retry may assume its request died (a crash, a killed instance).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Deletes a claim that was never answered and is older than <see cref="Abandoned"/>, so the retry runs instead of
    /// getting 409 until the janitor purges it a day later. The conditional delete lets only one retry win.
    /// </summary>
    private static async Task<bool> TakeOverAbandonedAsync(JiayuanDbContext db, IdempotencyRecord first, string hash, TimeProvider clock, CancellationToken ct)
    {
        if (first.Completed || first.RequestHash != hash || first.CreatedAt > clock.GetUtcNow() - Abandoned)
        {
            return false;
        }
        return await db.IdempotencyRecords.Where(r => r.Id == first.Id && !r.Completed).ExecuteDeleteAsync(ct) == 1;
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord first, string hash, IStringLocalizer<SharedResource> l)
    {
        if (first.RequestHash != hash)
        {
            await Problems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, l["This Idempotency-Key was already used for a different request."]);
            return;
        }
        if (!first.Completed)
        {
            await Problems.WriteAsync(context, StatusCodes.Status409Conflict, l["The first request with this Idempotency-Key is still being processed; retry shortly."]);
            return;
        }
        context.Response.StatusCode = first.StatusCode;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (first.ContentType is not null)
        {
            context.Response.ContentType = first.ContentType;
        }
        if (first.Location is not null)
        {
            context.Response.Headers.Location = first.Location;
        }
        if (first.Body is { Length: > 0 })
        {
            await context.Response.Body.WriteAsync(first.Body, context.RequestAborted);
        }
    }
}

public static class IdempotencyExtensions
{
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}

/// <summary>Deletes stored first responses after a day: retries come within minutes, the table must not grow forever.</summary>
internal sealed class IdempotencyJanitor(IDbContextFactory<JiayuanDbContext> factory, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<IdempotencyJanitor> log)
    : Microsoft.Extensions.Hosting.BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(log, e, "Purging idempotency records failed; retrying in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - KeepFor;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
