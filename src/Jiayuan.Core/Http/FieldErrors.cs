using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Core.Http;

/// <summary>Links users give (a stream, a resource, an Open311 <c>media_url</c>): only absolute http(s) addresses are kept.</summary>
public static class WebLinks
{
    public static bool IsHttp(string value, int max = 500) =>
        value.Length <= max && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

/// <summary>Collects localized field errors for a request; the same messages feed API problem details and form pages.</summary>
public sealed class FieldErrors(IStringLocalizer localizer)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Adds a message (a resource key, formatted with <paramref name="args"/>) for <paramref name="field"/>.</summary>
    public FieldErrors Add(string field, string message, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(localizer[message, args]);
        return this;
    }

    public FieldErrors Required(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "{0} is required.", localizer[label]);
        }
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "{0} must be at most {1} characters.", localizer[label], max);
        }
        return this;
    }

    /// <summary>An optional link: when given, an absolute http(s) address of at most <paramref name="max"/> characters.</summary>
    public FieldErrors HttpLink(string field, string? value, string message, int max = 500)
    {
        if (value is { Length: > 0 } && !WebLinks.IsHttp(value, max))
        {
            Add(field, message);
        }
        return this;
    }

    public string? First(string field) => _errors.TryGetValue(field, out var list) ? list[0] : null;

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(ToDictionary(), title: localizer["The request has invalid fields."]);
}
