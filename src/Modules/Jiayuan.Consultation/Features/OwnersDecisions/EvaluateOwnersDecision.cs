using System.Text.Json;
using System.Text.Json.Serialization;
using Jiayuan.Consultation.Domain;
using Jiayuan.Core;
using Jiayuan.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Consultation.Features.OwnersDecisions;

/// <summary>The figures of a paper tally; areas are decimal strings in m² with at most 2 decimals (numbers are accepted too).</summary>
public sealed record EvaluateInput(
    int? Matter,
    [property: JsonConverter(typeof(DecimalTextConverter))] string? TotalArea,
    long? TotalOwners,
    [property: JsonConverter(typeof(DecimalTextConverter))] string? ParticipatingArea,
    long? ParticipatingOwners,
    [property: JsonConverter(typeof(DecimalTextConverter))] string? YesArea,
    long? YesOwners);

/// <summary>The verdict: whether the matter is major, whether participation and approval are met, and why, in words.</summary>
public sealed record EvaluateResult(bool Major, bool ParticipationMet, bool Approved, IReadOnlyList<string> Reasons);

/// <summary>The public calculator for paper tallies (《民法典》第278条); the online tally uses the same rules.</summary>
public static class EvaluateOwnersDecision
{
    public static RouteGroupBuilder MapEvaluateOwnersDecision(this RouteGroupBuilder api)
    {
        api.MapPost("/consultation/owners-decisions/evaluate", Results<Ok<EvaluateResult>, ValidationProblem> (EvaluateInput input, IStringLocalizer<SharedResource> l) =>
            {
                var (result, errors) = Evaluate(input, l);
                return result is null ? errors.ToProblem() : TypedResults.Ok(result);
            })
            .AllowAnonymous().WithName("EvaluateOwnersDecision")
            .WithSummary("Check a tally of an owners' decision: participation (2/3 of area and owners) and approval (more than half, or 3/4 for matters 6–8).");
        return api;
    }

    internal static (EvaluateResult? Result, FieldErrors Errors) Evaluate(EvaluateInput input, IStringLocalizer l)
    {
        var errors = new FieldErrors(l);
        if (input.Matter is not (>= 1 and <= 9))
        {
            errors.Add("matter", "Choose one of the nine matters (1 to 9).");
        }
        var totalArea = Area(l, errors, "totalArea", input.TotalArea, "Total exclusive area");
        var pArea = Area(l, errors, "participatingArea", input.ParticipatingArea, "Participating area");
        var yArea = Area(l, errors, "yesArea", input.YesArea, "Approving area");
        var totalOwners = Count(l, errors, "totalOwners", input.TotalOwners, "Total owners");
        var pOwners = Count(l, errors, "participatingOwners", input.ParticipatingOwners, "Participating owners");
        var yOwners = Count(l, errors, "yesOwners", input.YesOwners, "Approving owners");
        if (totalArea == 0)
        {
            errors.Add("totalArea", "The total exclusive area must be more than 0.");
        }
        if (totalOwners == 0)
        {
            errors.Add("totalOwners", "The compound has at least one owner.");
        }
        if (pArea > totalArea)
        {
            errors.Add("participatingArea", "The participating area ({0} m²) cannot exceed the total area ({1} m²).", OwnersDecisionRules.Area(pArea.Value), OwnersDecisionRules.Area(totalArea!.Value));
        }
        if (yArea > pArea)
        {
            errors.Add("yesArea", "The approving area ({0} m²) cannot exceed the participating area ({1} m²).", OwnersDecisionRules.Area(yArea.Value), OwnersDecisionRules.Area(pArea!.Value));
        }
        if (pOwners > totalOwners)
        {
            errors.Add("participatingOwners", "Participating owners ({0}) cannot exceed the total owners ({1}).", pOwners.Value, totalOwners!.Value);
        }
        if (yOwners > pOwners)
        {
            errors.Add("yesOwners", "Approving owners ({0}) cannot exceed the participating owners ({1}).", yOwners.Value, pOwners!.Value);
        }
        if (errors.Any)
        {
            return (null, errors);
        }
        var verdict = OwnersDecisionRules.Evaluate(input.Matter!.Value, totalArea!.Value, totalOwners!.Value, pArea!.Value, pOwners!.Value, yArea!.Value, yOwners!.Value);
        return (ToResult(verdict, l), errors);
    }

    internal static EvaluateResult ToResult(OwnersVerdict verdict, IStringLocalizer l) =>
        new(verdict.Major, verdict.ParticipationMet, verdict.Approved, [.. verdict.Reasons.Select(r => l[r.Key, r.Args].Value)]);

    private static long? Area(IStringLocalizer loc, FieldErrors errors, string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "{0} is required.", loc[label].Value);
            return null;
        }
        var value = OwnersDecisionRules.ParseArea(text);
        if (value is null)
        {
            var t = text.Trim();
            var dot = t.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0 && t.Length - dot - 1 > 2 && t.Replace(".", "", StringComparison.Ordinal).All(char.IsAsciiDigit))
            {
                errors.Add(field, "{0}: areas are given in m² with at most 2 decimals, as in the real-estate register.", loc[label].Value);
            }
            else
            {
                errors.Add(field, "{0}: enter an area in m², such as 12345.67.", loc[label].Value);
            }
        }
        return value;
    }

    private static long? Count(IStringLocalizer loc, FieldErrors errors, string field, long? value, string label)
    {
        if (value is null)
        {
            errors.Add(field, "{0} is required.", loc[label].Value);
        }
        else if (value < 0 || value > 10_000_000)
        {
            errors.Add(field, "{0} must be a whole number from 0 to 10,000,000.", loc[label].Value);
            return null;
        }
        return value;
    }
}

/// <summary>Reads a JSON string or number as its exact text, so "12345.67" and 12345.67 both reach validation unchanged.</summary>
public sealed class DecimalTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a decimal number or a string."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
