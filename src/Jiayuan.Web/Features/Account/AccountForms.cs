using Jiayuan.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Jiayuan.Web.Features.Account;

/// <summary>Plain form endpoints of the pages: log out, switch language.</summary>
internal static class AccountForms
{
    public static void MapAccountForms(this WebApplication app) =>
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<Core.Identity.AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

    public static void MapCultureSwitch(this WebApplication app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Core.SharedResource> l) =>
        {
            if (!Cultures.IsSupported(name))
            {
                return Results.Problem(l["Unknown language {0}; choose zh-CN or en.", name], statusCode: StatusCodes.Status400BadRequest);
            }
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
