using Jiayuan.Core.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Manage;

/// <summary>
/// Reads a service's API answer on a page: the field errors of a refusal (already localized by the service) to show beside
/// the fields, and the status to answer with (403 for out of scope).
/// </summary>
internal static class PageOutcome
{
    /// <summary>The field errors of a validation problem, or null when the service accepted (or refused for another reason).</summary>
    public static FieldErrors? Errors(IResult result)
    {
        if (result is not ValidationProblem problem)
        {
            return null;
        }
        var errors = new FieldErrors(Verbatim.Instance);
        foreach (var (field, messages) in problem.ProblemDetails.Errors)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }
        return errors;
    }

    /// <summary>True when the service did what was asked.</summary>
    public static bool Succeeded(IResult result) => result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    /// <summary>True when the service refused because the place is outside the user's scope.</summary>
    public static bool Refused(IResult result) => result is ForbidHttpResult or NotFound;

    /// <summary>Messages that are already localized pass through unchanged.</summary>
    private sealed class Verbatim : IStringLocalizer
    {
        public static readonly Verbatim Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
