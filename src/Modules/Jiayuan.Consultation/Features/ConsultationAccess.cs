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

/// <summary>What a staff action came to: the created value (201), field errors (400), or 403/404; pages and endpoints share it.</summary>
public sealed record StaffOutcome<T>(T? Value, FieldErrors? Errors, int Status)
{
    public IResult ToResult(string location) => Status switch
    {
        201 => TypedResults.Created(location, Value),
        400 => Errors!.ToProblem(),
        403 => Results.Forbid(),
        _ => Results.NotFound(),
    };
}
