using System.Security.Claims;
using Jiayuan.Core;
using Jiayuan.Core.Identity;
using Jiayuan.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Web.Features.Account;

public sealed record LoginRequest(string? Login, string? Password);

public sealed record SmsCodeRequest(string? Phone);

public sealed record RegisterRequest(string? Phone, string? Code, string? Password, string? UserName, string? RealName, string? IdNumber, long? HomePlaceId);

public sealed record Registered(long Id, string UserName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ResetPasswordRequest(string? Phone, string? Code, string? NewPassword);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The signed-in user's own profile, personal data masked.</summary>
public sealed record Me(long Id, string UserName, string? DisplayName, string? RealName, string? Phone, string? IdNumber, IReadOnlyList<MeGrant> Grants);

public sealed record MeGrant(string Role, string NodePath);

/// <summary>Sign-in with a bearer token, phone codes, registration and the caller's profile.</summary>
internal static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(WebServices.LoginLimit)
            .WithName("Login").WithSummary("Log in by phone or user name; returns a bearer token (accessToken, expiresIn).");
        api.MapPost("/auth/sms-code", async Task<Results<Accepted, ValidationProblem>> (SmsCodeRequest request, AccountService accounts, CancellationToken ct) =>
            {
                var errors = await accounts.SendCodeAsync(request.Phone, ct);
                return errors.Any ? errors.ToProblem() : TypedResults.Accepted((string?)null);
            })
            .AllowAnonymous().RequireRateLimiting(WebServices.PublicPostLimit).WithName("SendSmsCode").WithSummary("Send a verification code to a mobile number.");
        api.MapPost("/auth/register", async Task<Results<Created<Registered>, ValidationProblem>> (RegisterRequest r, AccountService accounts, CancellationToken ct) =>
            {
                var (user, errors) = await accounts.RegisterAsync(new RegisterInput(r.Phone, r.Code, r.Password, r.UserName, r.RealName, r.IdNumber, r.HomePlaceId), ct);
                return user is null ? errors.ToProblem() : TypedResults.Created("/api/v1/me", new Registered(user.Id, user.UserName!));
            })
            .AllowAnonymous().RequireRateLimiting(WebServices.PublicPostLimit).WithName("Register").WithSummary("Register a resident account with a verified phone.");
        api.MapGet("/me", async Task<Results<Ok<Me>, UnauthorizedHttpResult>> (ClaimsPrincipal principal, UserManager<AppUser> users) =>
                await users.GetUserAsync(principal) is { } u ? TypedResults.Ok(ToMe(u, principal)) : TypedResults.Unauthorized())
            .RequireAuthorization().WithName("GetMe").WithSummary("The caller's profile (personal data masked) and role grants.");
        api.MapPut("/me", async Task<Results<Ok<Me>, ValidationProblem, UnauthorizedHttpResult>> (ProfileInput input, ClaimsPrincipal principal, UserManager<AppUser> users, AccountService accounts, CancellationToken ct) =>
            {
                if (await users.GetUserAsync(principal) is not { } u)
                {
                    return TypedResults.Unauthorized();
                }
                var errors = await accounts.UpdateProfileAsync(u, input, ct);
                return errors.Any ? errors.ToProblem() : TypedResults.Ok(ToMe(u, principal));
            })
            .RequireAuthorization().WithName("UpdateMe").WithSummary("Edit the caller's profile.");
        api.MapPost("/me/password", async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> (ChangePasswordRequest r, ClaimsPrincipal principal, UserManager<AppUser> users, AccountService accounts) =>
            {
                if (await users.GetUserAsync(principal) is not { } u)
                {
                    return TypedResults.Unauthorized();
                }
                var errors = await accounts.ChangePasswordAsync(u, r.CurrentPassword, r.NewPassword);
                return errors.Any ? errors.ToProblem() : TypedResults.NoContent();
            })
            .RequireAuthorization().WithName("ChangePassword").WithSummary("Change the caller's password (other sessions end at their next security check).");
        api.MapPost("/auth/reset-password", async Task<Results<NoContent, ValidationProblem>> (ResetPasswordRequest r, AccountService accounts, CancellationToken ct) =>
            {
                var errors = await accounts.ResetPasswordAsync(r.Phone, r.Code, r.NewPassword, ct);
                return errors.Any ? errors.ToProblem() : TypedResults.NoContent();
            })
            .AllowAnonymous().RequireRateLimiting(WebServices.PublicPostLimit).WithName("ResetPassword").WithSummary("Set a new password with a code sent to the account's phone (POST auth/sms-code first).");
        api.MapPost("/auth/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(WebServices.LoginLimit)
            .WithName("RefreshToken").WithSummary("Exchange a refresh token for a new access token (refused after a password change or role change).");
        return api;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request, SignInManager<AppUser> signIn,
        Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions> bearer, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem(l["The token is missing, invalid or expired: log in again."], statusCode: StatusCodes.Status401Unauthorized, title: l["Sign in first"]);
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static Me ToMe(AppUser u, ClaimsPrincipal principal) =>
        new(u.Id, u.UserName!, u.DisplayName, u.RealName is null ? null : Core.Privacy.Masking.Name(u.RealName), u.PhoneMasked, u.IdNumberMasked,
            [.. principal.Grants().Select(g => new MeGrant(g.Role.ToString(), g.Path))]);

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (outcome, user) = await accounts.CheckPasswordAsync(request.Login, request.Password, ct);
        if (outcome != SignInOutcome.Succeeded || user is null)
        {
            return TypedResults.Problem(accounts.SignInMessage(outcome), statusCode: StatusCodes.Status401Unauthorized, title: l["Login failed"],
                extensions: new Dictionary<string, object?> { ["code"] = outcome == SignInOutcome.LockedOut ? "locked-out" : "invalid-credentials" });
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }
}
