using Jiayuan.Core.Data;
using Microsoft.AspNetCore.Http;

namespace Jiayuan.Core.Audit;

/// <summary>Records actions that are not row writes: sensitive reads (unmasking), sign-ins, refusals.</summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string entityType, string? entityId, string? detail = null, CancellationToken cancellationToken = default);
}

internal sealed class AuditLog(JiayuanDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(string action, string entityType, string? entityId, string? detail = null, CancellationToken cancellationToken = default)
    {
        var (userId, userName, address) = AuditInterceptor.Caller(http.HttpContext);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            RemoteAddress = address,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
