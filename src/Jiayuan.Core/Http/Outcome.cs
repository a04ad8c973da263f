using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiayuan.Core.Http;

/// <summary>
/// Maps what a use case returns — a row, or field errors, with 404 (not visible to the caller) or 403 (visible, not theirs
/// to change) — to the endpoint's typed result. One place, so every endpoint answers the same way.
/// </summary>
public static class Outcome
{
    public static Results<Created<T>, ValidationProblem, NotFound, ForbidHttpResult> Created<T>(T? row, FieldErrors errors, int status, Func<T, string> location)
        where T : class => status switch
        {
            StatusCodes.Status404NotFound => TypedResults.NotFound(),
            StatusCodes.Status403Forbidden => TypedResults.Forbid(),
            _ => row is null ? errors.ToProblem() : TypedResults.Created(location(row), row),
        };

    public static Results<Ok<T>, ValidationProblem, NotFound, ForbidHttpResult> Ok<T>(T? row, FieldErrors errors, int status)
        where T : class => status switch
        {
            StatusCodes.Status404NotFound => TypedResults.NotFound(),
            StatusCodes.Status403Forbidden => TypedResults.Forbid(),
            _ => row is null ? errors.ToProblem() : TypedResults.Ok(row),
        };
}
