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
