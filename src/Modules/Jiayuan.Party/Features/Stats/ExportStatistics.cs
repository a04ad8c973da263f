using Jiayuan.Party.Contracts;
using Jiayuan.Places.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Excel = MiniExcelLibs.MiniExcel;

namespace Jiayuan.Party.Features.Stats;

/// <summary>The statistics of a place and each of its communities as an .xlsx workbook (the table offices keep).</summary>
public static class ExportStatistics
{
    public static RouteGroupBuilder MapExportStatistics(this RouteGroupBuilder api)
    {
        api.MapGet("/party/stats.xlsx", async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> (string? scope, int? year, IPartyStatistics stats, IPlaceDirectory places,
                TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Jiayuan.Core.SharedResource> l, CancellationToken ct) =>
            {
                if (PartyStatisticsEndpoint.YearError(year, l) is { } problem)
                {
                    return problem;
                }
                var place = await places.ScopeAsync(scope, ct);
                if (place is null)
                {
                    return TypedResults.NotFound();
                }
                var y = year ?? Jiayuan.Core.Text.Dates.Today(clock).Year;
                var rows = new List<Dictionary<string, object?>>();
                var scopes = new List<PlaceSummary> { place };
                if (place.Kind == PlaceKind.Subdistrict)
                {
                    scopes.AddRange(await places.CommunitiesAsync(ct));
                }
                foreach (var s in scopes)
                {
                    if (await stats.ForPlaceAsync(s.Code, y, ct) is { } r)
                    {
                        rows.Add(new()
                        {
                            ["范围"] = r.ScopeName, ["年份"] = r.Year, ["党组织"] = r.Organizations, ["其中两新组织"] = r.TwoNewOrganizations, ["党员"] = r.Members,
                            ["其中两新党员"] = r.TwoNewMembers, ["院落党支部"] = r.CourtyardBranches, ["党小组"] = r.PartyGroups,
                            ["当年新建"] = r.NewOrganizations.Total, ["新建非公企业"] = r.NewOrganizations.NonPublicEnterprise,
                            ["新建社会组织"] = r.NewOrganizations.SocialOrganization, ["新建院落党支部"] = r.NewOrganizations.CourtyardBranch,
                        });
                    }
                }
                using var buffer = new MemoryStream();
                await Excel.SaveAsAsync(buffer, rows, cancellationToken: ct);
                return TypedResults.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{place.Name}-党建统计-{y}.xlsx");
            })
            .AllowAnonymous().WithName("ExportPartyStats").WithSummary("The statistics of a place (and of each community under a subdistrict) as .xlsx.");
        return api;
    }
}
