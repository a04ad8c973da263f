using System.Text.Json;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Core;
using Microsoft.Extensions.Localization;

namespace Jiayuan.Alerts.Features.Console;

/// <summary>The localized strings the page script (wwwroot/alerts.js) needs, as one JSON attribute.</summary>
internal static class ConsoleLabels
{
    public static string Json(IStringLocalizer<SharedResource> l)
    {
        var labels = new Dictionary<string, string>
        {
            ["online"] = l["Live"], ["offline"] = l["Reconnecting…"], ["error"] = l["Error"],
            ["Acknowledged"] = l["Received"], ["OnMyWay"] = l["On my way"], ["OnScene"] = l["On scene"], ["Resolved"] = l["Resolved"],
            ["Escalated"] = l["Escalated"], ["Raised"] = l["Raised"],
            ["eta"] = l["ETA {0} min"], ["raisedBy"] = l["Raised by"], ["level"] = l["Reach"], ["timeline"] = l["Timeline"],
            ["askEta"] = l["Minutes until you arrive?"], ["askNote"] = l["How was it resolved?"],
            ["sent"] = l["Your alert was sent. Responders nearby are told now; who is coming shows below."],
            ["noLocation"] = l["Location not available."],
            ["coming"] = l["Who is coming"], ["nobody"] = l["Nobody has answered yet."], ["showOnMap"] = l["Show on the map"],
            ["Courtyard"] = l["Courtyard"], ["Community"] = l["Community"], ["Subdistrict"] = l["Subdistrict"],
        };
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            labels[kind.ToString()] = l[AlertLabels.Kind(kind)];
        }
        return JsonSerializer.Serialize(labels);
    }
}
