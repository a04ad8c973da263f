using Jiayuan.Core.Http;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Http;

namespace Jiayuan.Consultation.Features;

/// <summary>Who runs consultations: community workers of the place (or above) and subdistrict administrators.</summary>
internal static class ConsultationAccess
{
    public static readonly Role[] Staff = [Role.CommunityWorker, Role.SubdistrictAdmin];

    /// <summary>A 409/422 answer with its reason, as RFC 9457 problem details.</summary>
    public static IResult Problem(int status, string reason) => TypedResults.Problem(title: reason, detail: reason, statusCode: status);
}

/// <summary>
/// What a staff action came to: the value (200, or 201 when created), field errors (400), 403/404, or a refusal with its
/// reason (409/422); pages and endpoints share it.
/// </summary>
public sealed record StaffOutcome<T>(T? Value, FieldErrors? Errors, int Status, string? Reason = null)
{
    public IResult ToResult(string location) => Status switch
    {
        200 => TypedResults.Ok(Value),
        201 => TypedResults.Created(location, Value),
        400 => Errors!.ToProblem(),
        403 => Results.Forbid(),
        404 => Results.NotFound(),
        _ => ConsultationAccess.Problem(Status, Reason ?? ""),
    };

    /// <summary>The reason of a refusal as a page shows it: the problem's reason, or the field errors joined.</summary>
    public string? Refusal => Status switch
    {
        200 or 201 => null,
        400 => string.Join(" ", (Errors?.ToDictionary() ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value)),
        _ => Reason,
    };
}
