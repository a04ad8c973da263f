using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jiayuan.Core.Http;

/// <summary>RFC 9457 problem details written outside an endpoint (middleware).</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        var problem = new ProblemDetails { Status = status, Detail = detail, Title = detail };
        if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
