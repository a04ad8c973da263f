using System.Security.Claims;
using Jiayuan.Core.Audit;
using Jiayuan.Core.Data;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Messaging;
using Jiayuan.Core.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Web.Features.Admin;

public sealed record AuditRow(long Id, DateTimeOffset At, long? UserId, string? UserName, string Action, string EntityType, string? EntityId, string? RemoteAddress, string? Detail);

public sealed record UserRow(long Id, string UserName, string? DisplayName, string? Phone, string? IdNumber, DateTimeOffset CreatedAt);

public sealed record Unmasked(long Id, string? Phone, string? IdNumber);

public sealed record OutboxRow(long Id, DateTimeOffset CreatedAt, string Channel, string Recipient, string Body);

/// <summary>Administration: the audit log, accounts (masked; unmasking audited) and the development outbox.</summary>
internal static class AdminApi
{
    /// <summary>Roles that administer the whole platform.</summary>
    internal static readonly Role[] Admins = [Role.SubdistrictAdmin, Role.SystemAdmin];

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(p => p.RequireAssertion(ctx => ctx.User.HasAnyRole(Admins)));
        admin.MapGet("/audit", (string? action, string? entityType, long? userId, int? page, int? pageSize, JiayuanDbContext db, CancellationToken ct) =>
                AuditQuery.ListAsync(db, new AuditFilter(action, entityType, userId, page, pageSize), ct))
            .WithName("ListAudit").WithSummary("The audit log, newest first (every write, sign-in and unmasking).");
        admin.MapGet("/users", (string? q, int? page, JiayuanDbContext db, IPersonalDataCipher cipher, CancellationToken ct) =>
                UserQuery.ListAsync(db, cipher, q, page, ct))
            .WithName("ListUsers").WithSummary("Accounts with masked personal data; q finds a user name or an exact phone number.");
        admin.MapPost("/users/{id:long}/unmask", async Task<Results<Ok<Unmasked>, NotFound, ForbidHttpResult>> (long id, ClaimsPrincipal user, JiayuanDbContext db, AccountService accounts, CancellationToken ct) =>
            {
                if (!user.Can(Scope.UnmaskPermission))
                {
                    return TypedResults.Forbid();
                }
                var target = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
                if (target is null)
                {
                    return TypedResults.NotFound();
                }
                var (phone, idNumber) = await accounts.UnmaskAsync(target, ct);
                return TypedResults.Ok(new Unmasked(id, phone, idNumber));
            })
            .WithName("UnmaskUser").WithSummary("Show a user's full phone and ID number (needs the unmask permission; audited).");
        admin.MapManageGrants();
        admin.MapGet("/outbox", async (JiayuanDbContext db, CancellationToken ct) =>
                await db.OutboxMessages.AsNoTracking().OrderByDescending(o => o.Id).Take(100)
                    .Select(o => new OutboxRow(o.Id, o.CreatedAt, o.Channel, o.RecipientMasked, o.Body)).ToListAsync(ct))
            .WithName("ListOutbox").WithSummary("Messages the development channels wrote instead of sending (SMS codes, notifications).");
        return api;
    }
}

public sealed record AuditFilter(string? Action, string? EntityType, long? UserId, int? Page, int? PageSize);

internal static class AuditQuery
{
    public static async Task<Page<AuditRow>> ListAsync(JiayuanDbContext db, AuditFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize, 200);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            q = q.Where(a => a.Action == f.Action);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            q = q.Where(a => a.EntityType == f.EntityType);
        }
        if (f.UserId is { } uid)
        {
            q = q.Where(a => a.UserId == uid);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new AuditRow(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.RemoteAddress, a.Detail)).ToListAsync(ct);
        return new Page<AuditRow>(items, total, page, size);
    }
}

internal static class UserQuery
{
    public static async Task<Page<UserRow>> ListAsync(JiayuanDbContext db, IPersonalDataCipher cipher, string? q, int? page, CancellationToken ct)
    {
        var (number, size) = Paging.Normalize(page, 50);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var phone = Phone.Normalize(q);
            var id = ChineseId.Normalize(q);
            var name = q.Trim();
            if (Phone.IsMobile(phone))
            {
                var hash = cipher.Hash(phone);
                users = users.Where(u => u.PhoneHash == hash);
            }
            else if (ChineseId.IsValid(id))
            {
                var hash = cipher.Hash(id);
                users = users.Where(u => u.IdNumberHash == hash);
            }
            else
            {
                users = users.Where(u => u.UserName!.Contains(name));
            }
        }
        var total = await users.CountAsync(ct);
        var items = await users.OrderBy(u => u.Id).Skip((number - 1) * size).Take(size)
            .Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.PhoneMasked, u.IdNumberMasked, u.CreatedAt)).ToListAsync(ct);
        return new Page<UserRow>(items, total, number, size);
    }
}
