using Jiayuan.Core;
using Jiayuan.Core.Http;
using Jiayuan.Party.Contracts;
using Jiayuan.Party.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Party.Features.Dues;

public sealed record DuesQuote(decimal Base, DuesCategory Category, decimal Rate, decimal Monthly, decimal Yearly);

/// <summary>The monthly dues for a base and a category, from the rate table.</summary>
public static class CalculateDues
{
    public static RouteGroupBuilder MapCalculateDues(this RouteGroupBuilder api)
    {
        api.MapGet("/party/dues", Results<Ok<DuesQuote>, ValidationProblem> (decimal? @base, DuesCategory? category, IStringLocalizer<SharedResource> l) =>
            {
                var errors = new FieldErrors(l);
                if (@base is null || @base < 0 || @base > 10_000_000)
                {
                    errors.Add("base", "Enter the monthly after-tax income in yuan (0 or more).");
                }
                if (errors.Any)
                {
                    return errors.ToProblem();
                }
                var c = category ?? DuesCategory.Employed;
                var monthly = Domain.Dues.Monthly(@base!.Value, c);
                return TypedResults.Ok(new DuesQuote(@base.Value, c, Domain.Dues.Rate(@base.Value, c), monthly, monthly * 12));
            })
            .AllowAnonymous().WithName("CalculateDues").WithSummary("Monthly Party dues: a flat rate on the whole base (≤3000 0.5%, ≤5000 1%, ≤10000 1.5%, above 2%; retired ≤5000 0.5%, above 1%; flat 0.20).");
        return api;
    }
}
