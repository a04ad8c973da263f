using Microsoft.EntityFrameworkCore;
using System.Net.Http.Headers;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Web.Tests;

/// <summary>
/// Enumerates every API endpoint and proves that callers without the role, or with the role in another community,
/// are refused. A new endpoint fails <see cref="EveryEndpoint_HasAProbe"/> until it is added to <see cref="Probes"/>.
/// </summary>
public class AuthorizationTests(JiayuanApp app)
{
    /// <summary>How to call an endpoint against 新园社区's data, and who must be refused.</summary>
    private sealed record Probe(string Method, string Pattern, Func<Ids, string> Url, Func<Ids, HttpContent?>? Body, Access Access);

    private enum Access
    {
        /// <summary>Public by design (reads of published data, sign-in).</summary>
        Public,
        /// <summary>Any signed-in user, for their own data.</summary>
        SignedIn,
        /// <summary>Staff of 新园 (or above): a 府城 worker and a resident are refused.</summary>
        XinyuanStaff,
        /// <summary>Party managers of 新园 (branch secretary or above): refused like <see cref="XinyuanStaff"/>; allowed case tested in the module.</summary>
        XinyuanManager,
        /// <summary>Subdistrict or system administrators only.</summary>
        Admin,
    }

    private sealed record Ids(long Xinyuan, long XinyuanNotice, long SomeUser, long XinyuanOrg, long XinyuanMember, long XinyuanDemand);

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static MultipartFormDataContent File()
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 test"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "a.pdf");
        return content;
    }

    /// <summary>A one-row owner roster (.csv) for the roster import's dry run.</summary>
    private static MultipartFormDataContent RosterCsv() => new()
    {
        { new ByteArrayContent("楼栋/单元/房号,专有部分面积,业主姓名,手机号,是否未售/开发商\n越权1栋101,50.00,越权,,否\n"u8.ToArray()), "file", "roster.csv" },
    };

    private static readonly Probe[] Probes =
    [
        new("POST", "/api/v1/auth/login", _ => "/api/v1/auth/login", null, Access.Public),
        new("POST", "/api/v1/auth/sms-code", _ => "/api/v1/auth/sms-code", null, Access.Public),
        new("POST", "/api/v1/auth/register", _ => "/api/v1/auth/register", null, Access.Public),
        new("GET", "/api/v1/me", _ => "/api/v1/me", null, Access.SignedIn),
        new("POST", "/api/v1/me/password", _ => "/api/v1/me/password", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/auth/reset-password", _ => "/api/v1/auth/reset-password", null, Access.Public),
        new("POST", "/api/v1/auth/refresh", _ => "/api/v1/auth/refresh", null, Access.Public),
        new("PUT", "/api/v1/me", _ => "/api/v1/me", _ => Json("{}"), Access.SignedIn),
        new("GET", "/api/v1/admin/audit", _ => "/api/v1/admin/audit", null, Access.Admin),
        new("GET", "/api/v1/admin/users", _ => "/api/v1/admin/users", null, Access.Admin),
        new("POST", "/api/v1/admin/users/{id:long}/unmask", i => $"/api/v1/admin/users/{i.SomeUser}/unmask", null, Access.Admin),
        new("GET", "/api/v1/admin/users/{id:long}/grants", i => $"/api/v1/admin/users/{i.SomeUser}/grants", null, Access.Admin),
        new("POST", "/api/v1/admin/users/{id:long}/grants", i => $"/api/v1/admin/users/{i.SomeUser}/grants", i => Json($$"""{"role":"CommunityWorker","placeId":{{i.Xinyuan}}}"""), Access.Admin),
        new("DELETE", "/api/v1/admin/users/{id:long}/grants/{grantId:long}", i => $"/api/v1/admin/users/{i.SomeUser}/grants/1", null, Access.Admin),
        new("GET", "/api/v1/admin/outbox", _ => "/api/v1/admin/outbox", null, Access.Admin),
        new("GET", "/api/v1/party/stats", _ => "/api/v1/party/stats?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/party/stats/breakdown", _ => "/api/v1/party/stats/breakdown?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/party/dues", _ => "/api/v1/party/dues?base=5000", null, Access.Public),
        new("GET", "/api/v1/party/organizations", _ => "/api/v1/party/organizations?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/party/organizations/{id:long}", i => $"/api/v1/party/organizations/{i.XinyuanOrg}", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/members/{id:long}/convert", i => $"/api/v1/party/members/{i.XinyuanMember}/convert", null, Access.XinyuanManager),
        new("POST", "/api/v1/party/members/{id:long}/extend", i => $"/api/v1/party/members/{i.XinyuanMember}/extend", _ => Json("{\"months\":6}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/members/{id:long}/cancel", i => $"/api/v1/party/members/{i.XinyuanMember}/cancel", _ => Json("{\"reason\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/members/{id:long}/unmask", i => $"/api/v1/party/members/{i.XinyuanMember}/unmask", null, Access.XinyuanManager),
        new("POST", "/api/v1/party/organizations/{id:long}/meetings", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/meetings", _ => Json("{\"kind\":\"ThemeDay\",\"topic\":\"越权\"}"), Access.XinyuanManager),
        new("GET", "/api/v1/party/organizations/{id:long}/meetings", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/meetings", null, Access.XinyuanStaff),
        new("GET", "/api/v1/party/compliance", _ => "/api/v1/party/compliance?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/members/{id:long}/pledges", i => $"/api/v1/party/members/{i.XinyuanMember}/pledges", _ => Json("{\"text\":\"越权\",\"publicConsent\":true}"), Access.XinyuanManager),
        new("PUT", "/api/v1/party/pledges/{id:long}/progress", _ => "/api/v1/party/pledges/1/progress", _ => Json("{\"progress\":50}"), Access.XinyuanManager),
        new("GET", "/api/v1/party/pledges", _ => "/api/v1/party/pledges?scope=510107063003", null, Access.Public),
        new("POST", "/api/v1/party/members/{id:long}/transfers", i => $"/api/v1/party/members/{i.XinyuanMember}/transfers", i => Json($$"""{"toOrganizationId":{{i.XinyuanOrg}},"reason":"越权"}"""), Access.XinyuanManager),
        new("POST", "/api/v1/party/transfers/{id:long}/accept", _ => "/api/v1/party/transfers/1/accept", _ => Json("{}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/transfers/{id:long}/reject", _ => "/api/v1/party/transfers/1/reject", _ => Json("{\"note\":\"x\"}"), Access.XinyuanManager),
        new("GET", "/api/v1/party/transfers", _ => "/api/v1/party/transfers?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/party/coverage", _ => "/api/v1/party/coverage?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/members/import", _ => "/api/v1/party/members/import?scope=510107063003", _ => File(), Access.XinyuanManager),
        new("GET", "/api/v1/party/organizations/{id:long}/members.xlsx", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/members.xlsx", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/members/{id:long}/dues-payments", i => $"/api/v1/party/members/{i.XinyuanMember}/dues-payments", _ => Json("{\"months\":[\"2026-11\"]}"), Access.XinyuanManager),
        new("GET", "/api/v1/party/dues/arrears", _ => "/api/v1/party/dues/arrears?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/organizations/{id:long}/dues-report", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/dues-report", null, Access.XinyuanManager),
        new("POST", "/api/v1/party/members/{id:long}/dues-base", i => $"/api/v1/party/members/{i.XinyuanMember}/dues-base", _ => Json("{\"base\":5400}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/organizations/{id:long}/dues-bases", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/dues-bases", null, Access.XinyuanManager),
        new("GET", "/api/v1/party/organizations/{id:long}/dues", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/dues", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/organizations/{id:long}/dues-uses", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/dues-uses", _ => Json("{\"spentOn\":\"2026-01-05\",\"amount\":10,\"purpose\":\"MemberEducation\"}"), Access.XinyuanManager),
        new("PUT", "/api/v1/party/members/{id:long}/account", i => $"/api/v1/party/members/{i.XinyuanMember}/account", _ => Json("{\"login\":\"jumin\"}"), Access.XinyuanManager),
        new("DELETE", "/api/v1/party/members/{id:long}/account", i => $"/api/v1/party/members/{i.XinyuanMember}/account", null, Access.XinyuanManager),
        new("GET", "/api/v1/party/me", _ => "/api/v1/party/me", null, Access.SignedIn),
        new("POST", "/api/v1/party/me", _ => "/api/v1/party/me", null, Access.SignedIn),
        new("GET", "/api/v1/party/me/organizations/{id:long}/roster", i => $"/api/v1/party/me/organizations/{i.XinyuanOrg}/roster", null, Access.SignedIn),
        new("POST", "/api/v1/party/dual-registration", _ => "/api/v1/party/dual-registration", i => Json($$"""{"communityId":{{i.Xinyuan}},"memberId":{{i.XinyuanMember}}}"""), Access.XinyuanManager),
        new("GET", "/api/v1/party/dual-registration", _ => "/api/v1/party/dual-registration?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/party/dual-registration/{id:long}/evaluation", _ => "/api/v1/party/dual-registration/999999/evaluation", _ => Json("{\"grade\":\"Good\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/service-posts", _ => "/api/v1/party/service-posts", i => Json($$"""{"communityId":{{i.Xinyuan}},"title":"越权","slots":1}"""), Access.XinyuanManager),
        new("GET", "/api/v1/party/service-posts", _ => "/api/v1/party/service-posts?scope=510107063003", null, Access.Public),
        new("POST", "/api/v1/party/service-posts/{id:long}/claims", _ => "/api/v1/party/service-posts/999999/claims", i => Json($$"""{"memberId":{{i.XinyuanMember}}}"""), Access.XinyuanManager),
        new("GET", "/api/v1/party/point-rules", _ => "/api/v1/party/point-rules", null, Access.SignedIn),
        new("POST", "/api/v1/party/point-rules", _ => "/api/v1/party/point-rules", _ => Json("{\"item\":\"越权\",\"points\":1,\"yearlyCap\":1}"), Access.Admin),
        new("PUT", "/api/v1/party/point-rules/{id:long}", _ => "/api/v1/party/point-rules/1", _ => Json("{\"item\":\"越权\",\"points\":1,\"yearlyCap\":1}"), Access.Admin),
        new("POST", "/api/v1/party/members/{id:long}/points", i => $"/api/v1/party/members/{i.XinyuanMember}/points", _ => Json("{\"ruleId\":1}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/members/{id:long}/study-hours", i => $"/api/v1/party/members/{i.XinyuanMember}/study-hours", _ => Json("{\"hours\":1,\"topic\":\"x\"}"), Access.XinyuanManager),
        new("GET", "/api/v1/party/organizations/{id:long}/points", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/points", null, Access.XinyuanStaff),
        new("GET", "/api/v1/party/members/warnings", _ => "/api/v1/party/members/warnings?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/party/stats.xlsx", _ => "/api/v1/party/stats.xlsx?scope=510107063003", null, Access.Public),
        new("POST", "/api/v1/party/organizations", _ => "/api/v1/party/organizations", i => Json($$"""{"parentId":{{i.XinyuanOrg}},"name":"越权","kind":"Branch","placeId":{{i.Xinyuan}}}"""), Access.XinyuanManager),
        new("PUT", "/api/v1/party/organizations/{id:long}/committee", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/committee", _ => Json("{\"secretary\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/organizations/{id:long}/members", i => $"/api/v1/party/organizations/{i.XinyuanOrg}/members", _ => Json("{\"name\":\"越权\",\"idNumber\":\"11010519491231002X\",\"status\":\"Full\",\"admittedOn\":\"2000-01-01\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/party/meetings/{id:long}/photos", _ => "/api/v1/party/meetings/999999/photos", _ => File(), Access.XinyuanManager),
        new("GET", "/api/v1/party/meetings/{id:long}/photos/{photoId:long}", _ => "/api/v1/party/meetings/999999/photos/1", null, Access.XinyuanManager),
        new("GET", "/api/v1/places/root", _ => "/api/v1/places/root", null, Access.Public),
        new("GET", "/api/v1/places/{id:long}", i => $"/api/v1/places/{i.Xinyuan}", null, Access.Public),
        new("POST", "/api/v1/places", _ => "/api/v1/places", i => Json($$"""{"parentId":{{i.Xinyuan}},"name":"越权院落","kind":"Courtyard"}"""), Access.XinyuanStaff),
        new("PUT", "/api/v1/places/{id:long}", i => $"/api/v1/places/{i.Xinyuan}", _ => Json("""{"name":"新园社区"}"""), Access.XinyuanStaff),
        new("GET", "/api/v1/notices", i => $"/api/v1/notices?placeId={i.Xinyuan}", null, Access.Public),
        new("GET", "/api/v1/notices/{id:long}", i => $"/api/v1/notices/{i.XinyuanNotice}", null, Access.Public),
        new("POST", "/api/v1/notices", _ => "/api/v1/notices", i => Json($$"""{"placeId":{{i.Xinyuan}},"board":"Property","title":"越权通知","bodyHtml":"<p>x</p>"}"""), Access.XinyuanStaff),
        new("PUT", "/api/v1/notices/{id:long}", i => $"/api/v1/notices/{i.XinyuanNotice}", i => Json($$"""{"placeId":{{i.Xinyuan}},"board":"Property","title":"越权修改","bodyHtml":"<p>x</p>"}"""), Access.XinyuanStaff),
        new("POST", "/api/v1/notices/{id:long}/attachments", i => $"/api/v1/notices/{i.XinyuanNotice}/attachments", _ => File(), Access.XinyuanStaff),
        new("GET", "/api/v1/notices/{id:long}/attachments/{attachmentId:long}", i => $"/api/v1/notices/{i.XinyuanNotice}/attachments/1", null, Access.Public),
        new("POST", "/api/v1/consultation/results/{id:long}/photos", _ => "/api/v1/consultation/results/1/photos", _ => File(), Access.XinyuanManager),
        new("GET", "/api/v1/consultation/results/{id:long}/photos/{photoId:long}", _ => "/api/v1/consultation/results/1/photos/1", null, Access.Public),
        new("POST", "/api/v1/demands", _ => "/api/v1/demands", null, Access.Public),
        new("POST", "/api/v1/demands/{id:long}/photos", i => $"/api/v1/demands/{i.XinyuanDemand}/photos", _ => File(), Access.XinyuanManager),
        new("GET", "/api/v1/demands/similar", _ => "/api/v1/demands/similar?lat=30.6&long=104.0", null, Access.Public),
        new("POST", "/api/v1/demands/{id:long}/follow", i => $"/api/v1/demands/{i.XinyuanDemand}/follow", null, Access.SignedIn),
        new("POST", "/api/v1/demands/{id:long}/dispatch", i => $"/api/v1/demands/{i.XinyuanDemand}/dispatch", _ => Json("{\"handlerCode\":\"510107063002\",\"reason\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/accept", i => $"/api/v1/demands/{i.XinyuanDemand}/accept", _ => Json("{}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/return", i => $"/api/v1/demands/{i.XinyuanDemand}/return", _ => Json("{\"reason\":\"WrongPlace\",\"note\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/progress", i => $"/api/v1/demands/{i.XinyuanDemand}/progress", _ => Json("{\"note\":\"授权检查\",\"public\":false}"), Access.XinyuanStaff),
        new("POST", "/api/v1/demands/{id:long}/contact", i => $"/api/v1/demands/{i.XinyuanDemand}/contact", _ => Json("{}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/extension", i => $"/api/v1/demands/{i.XinyuanDemand}/extension", _ => Json("{\"days\":3,\"reason\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/extension/decision", i => $"/api/v1/demands/{i.XinyuanDemand}/extension/decision", _ => Json("{\"approve\":true}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/photos/{photoId:long}/moderation", i => $"/api/v1/demands/{i.XinyuanDemand}/photos/1/moderation", _ => Json("{\"hidden\":true,\"reason\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/reply", i => $"/api/v1/demands/{i.XinyuanDemand}/reply", _ => Json("{\"reply\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/rating", i => $"/api/v1/demands/{i.XinyuanDemand}/rating", _ => Json("{\"satisfaction\":\"Satisfied\",\"resolved\":true}"), Access.XinyuanManager),
        new("POST", "/api/v1/demands/{id:long}/urge", i => $"/api/v1/demands/{i.XinyuanDemand}/urge", _ => Json("{}"), Access.XinyuanManager),
        new("GET", "/api/v1/demands/{id:long}", i => $"/api/v1/demands/{i.XinyuanDemand}", null, Access.XinyuanStaff),
        new("GET", "/api/v1/demands/{id:long}/photos/{photoId:long}", i => $"/api/v1/demands/{i.XinyuanDemand}/photos/1", null, Access.Public),
        new("GET", "/api/v1/demands/mine", _ => "/api/v1/demands/mine", null, Access.SignedIn),
        new("GET", "/api/v1/demands", _ => "/api/v1/demands?view=open&scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/demands/board", _ => "/api/v1/demands/board?community=510107063003", null, Access.Public),
        new("GET", "/api/v1/notifications", _ => "/api/v1/notifications", null, Access.SignedIn),
        new("POST", "/api/v1/notifications/read", _ => "/api/v1/notifications/read", null, Access.SignedIn),
        new("POST", "/api/v1/demands/{id:long}/requester-phone", i => $"/api/v1/demands/{i.XinyuanDemand}/requester-phone", null, Access.XinyuanStaff),
        new("GET", "/api/v1/demands/metrics", _ => "/api/v1/demands/metrics?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/demands/metrics.xlsx", _ => "/api/v1/demands/metrics.xlsx?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/demands/categories", _ => "/api/v1/demands/categories", null, Access.Public),
        new("POST", "/api/v1/demands/categories", _ => "/api/v1/demands/categories", _ => Json("{\"code\":\"X-AUTH\",\"name\":\"越权\",\"group\":\"越权\"}"), Access.Admin),
        new("PUT", "/api/v1/demands/categories/{id:long}", _ => "/api/v1/demands/categories/1", _ => Json("{\"code\":\"X-AUTH\",\"name\":\"越权\",\"group\":\"越权\"}"), Access.Admin),
        new("GET", "/api/v1/demands/routing-rules", _ => "/api/v1/demands/routing-rules", null, Access.Admin),
        new("POST", "/api/v1/demands/routing-rules", _ => "/api/v1/demands/routing-rules", _ => Json("{\"placeCode\":\"510107063003\",\"handlerCode\":\"510107063002\"}"), Access.Admin),
        new("DELETE", "/api/v1/demands/routing-rules/{id:long}", _ => "/api/v1/demands/routing-rules/1", null, Access.Admin),
        new("GET", "/api/v1/demands/calendar/{year:int}", _ => "/api/v1/demands/calendar/2026", null, Access.Public),
        new("PUT", "/api/v1/demands/calendar/{year:int}", _ => "/api/v1/demands/calendar/2026", _ => Json("[]"), Access.Admin),
        new("POST", "/api/v1/open311/clients", _ => "/api/v1/open311/clients", _ => Json("{\"name\":\"越权\"}"), Access.Admin),
        new("GET", "/api/v1/open311/clients", _ => "/api/v1/open311/clients", null, Access.Admin),
        new("POST", "/api/v1/open311/clients/{id:long}/revoke", _ => "/api/v1/open311/clients/1/revoke", null, Access.Admin),
        new("POST", "/api/v1/alerts", _ => "/api/v1/alerts", i => Json($$"""{"kind":"Other","placeId":{{i.Xinyuan}}}"""), Access.SignedIn),
        new("GET", "/api/v1/alerts/{id:long}", _ => "/api/v1/alerts/1", null, Access.SignedIn),
        new("GET", "/api/v1/alerts", _ => "/api/v1/alerts?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/alerts/{id:long}/responses", _ => "/api/v1/alerts/1/responses", _ => Json("{\"status\":\"Acknowledged\"}"), Access.SignedIn),
        new("GET", "/api/v1/alerts/responders/me", _ => "/api/v1/alerts/responders/me", null, Access.SignedIn),
        new("PUT", "/api/v1/alerts/responders/me", _ => "/api/v1/alerts/responders/me", i => Json($$"""{"unit":"越权","areaIds":[{{i.Xinyuan}}]}"""), Access.SignedIn),
        new("PUT", "/api/v1/alerts/responders/me/duty", _ => "/api/v1/alerts/responders/me/duty", _ => Json("{\"duty\":\"OnDuty\"}"), Access.SignedIn),
        new("GET", "/api/v1/alerts/responders", _ => "/api/v1/alerts/responders?scope=510107063003", null, Access.XinyuanStaff),
        new("GET", "/api/v1/alerts/{id:long}/timeline.xlsx", _ => "/api/v1/alerts/1/timeline.xlsx", null, Access.SignedIn),
        new("GET", "/api/v1/alerts/stats", _ => "/api/v1/alerts/stats?scope=510107063003", null, Access.XinyuanStaff),
        new("POST", "/api/v1/alerts/patrols", _ => "/api/v1/alerts/patrols", i => Json($$"""{"placeId":{{i.Xinyuan}},"name":"越权巡逻"}"""), Access.XinyuanStaff),
        new("GET", "/api/v1/alerts/patrols/{id:long}", _ => "/api/v1/alerts/patrols/1", null, Access.SignedIn),
        new("POST", "/api/v1/alerts/patrols/{id:long}/check-in", _ => "/api/v1/alerts/patrols/1/check-in", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/alerts/patrols/{id:long}/check-out", _ => "/api/v1/alerts/patrols/1/check-out", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/alerts/patrols/{id:long}/logs", _ => "/api/v1/alerts/patrols/1/logs", _ => Json("{\"text\":\"越权\"}"), Access.SignedIn),
        new("POST", "/api/v1/alerts/patrols/{id:long}/alerts", _ => "/api/v1/alerts/patrols/1/alerts", _ => Json("{\"kind\":\"Other\"}"), Access.SignedIn),
        new("GET", "/api/v1/alerts/patrols/person-times", _ => "/api/v1/alerts/patrols/person-times?scope=510107063003&month=2026-11", null, Access.XinyuanStaff),
        new("POST", "/api/v1/alerts/{id:long}/photos", _ => "/api/v1/alerts/1/photos", _ => File(), Access.SignedIn),
        new("GET", "/api/v1/alerts/{id:long}/photos/{photoId:long}", _ => "/api/v1/alerts/1/photos/1", null, Access.SignedIn),
        new("POST", "/api/v1/alerts/blocks", _ => "/api/v1/alerts/blocks", i => Json($$"""{"userId":{{i.SomeUser}},"reason":"越权"}"""), Access.Admin),
        new("POST", "/api/v1/consultation/owners-decisions/evaluate", _ => "/api/v1/consultation/owners-decisions/evaluate", null, Access.Public),
        new("GET", "/api/v1/consultation/compounds/{code}/roster", _ => "/api/v1/consultation/compounds/510107063003-01/roster", null, Access.XinyuanStaff),
        new("POST", "/api/v1/consultation/compounds/{code}/owners", _ => "/api/v1/consultation/compounds/510107063003-01/owners", _ => Json("{\"name\":\"越权业主\"}"), Access.XinyuanStaff),
        new("POST", "/api/v1/consultation/compounds/{code}/units", _ => "/api/v1/consultation/compounds/510107063003-01/units", _ => Json("{\"label\":\"越权单元\",\"area\":\"50.00\",\"unsold\":true}"), Access.XinyuanStaff),
        new("POST", "/api/v1/consultation/compounds/{code}/roster/import", _ => "/api/v1/consultation/compounds/510107063003-01/roster/import?dryRun=true", _ => RosterCsv(), Access.XinyuanStaff),
        new("POST", "/api/v1/consultation/compounds/{code}/owners-decisions", _ => "/api/v1/consultation/compounds/510107063003-01/owners-decisions", _ => Json("{\"matter\":9,\"title\":\"越权表决\"}"), Access.XinyuanStaff),
        new("GET", "/api/v1/consultation/compounds/{code}/owners-decisions", _ => "/api/v1/consultation/compounds/510107063003-01/owners-decisions", null, Access.Public),
        new("GET", "/api/v1/consultation/owners-decisions/{id:long}", _ => "/api/v1/consultation/owners-decisions/1", null, Access.Public),
        new("POST", "/api/v1/consultation/owners-decisions/{id:long}/ballots", _ => "/api/v1/consultation/owners-decisions/1/ballots", _ => Json("{\"choice\":\"Yes\"}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/polls", _ => "/api/v1/consultation/polls", i => Json($$"""{"placeId":{{i.Xinyuan}},"title":"越权投票","kind":"Consent"}"""), Access.XinyuanStaff),
        new("GET", "/api/v1/consultation/polls", _ => "/api/v1/consultation/polls?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/consultation/polls/{id:long}", _ => "/api/v1/consultation/polls/1", null, Access.Public),
        new("POST", "/api/v1/consultation/polls/{id:long}/votes", _ => "/api/v1/consultation/polls/1/votes", _ => Json("{\"options\":[1]}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/bodies", _ => "/api/v1/consultation/bodies", i => Json($$"""{"placeId":{{i.Xinyuan}},"kind":"ThinkTank","name":"越权智库"}"""), Access.XinyuanStaff),
        new("GET", "/api/v1/consultation/bodies", _ => "/api/v1/consultation/bodies?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/consultation/bodies/{id:long}", _ => "/api/v1/consultation/bodies/1", null, Access.Public),
        new("GET", "/api/v1/consultation/meetings/{id:long}", _ => "/api/v1/consultation/meetings/1", null, Access.Public),
        new("POST", "/api/v1/consultation/meetings/{id:long}/check-in", _ => "/api/v1/consultation/meetings/1/check-in", _ => Json("{\"code\":\"000000\"}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/meetings/{id:long}/speakers", _ => "/api/v1/consultation/meetings/1/speakers", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/topics", _ => "/api/v1/consultation/topics", i => Json($$"""{"placeId":{{i.Xinyuan}}}"""), Access.SignedIn),
        new("GET", "/api/v1/consultation/topics", _ => "/api/v1/consultation/topics?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/consultation/topics/{id:long}", _ => "/api/v1/consultation/topics/1", null, Access.Public),
        new("POST", "/api/v1/consultation/topics/{id:long}/support", _ => "/api/v1/consultation/topics/1/support", null, Access.SignedIn),
        new("POST", "/api/v1/consultation/topics/{id:long}/comments", _ => "/api/v1/consultation/topics/1/comments", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/topics/{id:long}/reports", _ => "/api/v1/consultation/topics/1/reports", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/topics/moderation", _ => "/api/v1/consultation/topics/moderation", _ => Json("{\"topicIds\":[1],\"action\":\"Restore\"}"), Access.XinyuanStaff),
        new("GET", "/api/v1/consultation/funds/{id:long}", _ => "/api/v1/consultation/funds/1", null, Access.Public),
        new("POST", "/api/v1/consultation/funds/{id:long}/projects", _ => "/api/v1/consultation/funds/1/projects", _ => Json("{}"), Access.SignedIn),
        new("POST", "/api/v1/consultation/builders", _ => "/api/v1/consultation/builders", _ => Json("{\"name\":\"越权\",\"specialty\":\"Space\"}"), Access.Admin),
        new("GET", "/api/v1/consultation/builders", _ => "/api/v1/consultation/builders?scope=510107063001", null, Access.Public),
        new("GET", "/api/v1/consultation/advice", _ => "/api/v1/consultation/advice?topicId=1", null, Access.Public),
        new("GET", "/api/v1/consultation/results", _ => "/api/v1/consultation/results?scope=510107063003", null, Access.Public),
        new("GET", "/api/v1/consultation/results/{id:long}", _ => "/api/v1/consultation/results/1", null, Access.Public),
        // Builder 1 serves 三元 (not 新园): a 府城 worker is refused; the allowed cases are tested in Jiayuan.Consultation.Tests.
        new("POST", "/api/v1/consultation/builders/{id:long}/assignments", i => "/api/v1/consultation/builders/1/assignments", i => Json($$"""{"placeId":{{i.Xinyuan}}}"""), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/builders/{id:long}/advice", _ => "/api/v1/consultation/builders/1/advice", _ => Json("{\"topicId\":1,\"text\":\"越权\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/results/{id:long}/updates", _ => "/api/v1/consultation/results/999999/updates", _ => Json("{\"status\":\"Done\",\"progress\":100,\"note\":\"越权\"}"), Access.XinyuanManager),
        new("GET", "/api/v1/consultation/notifications", _ => "/api/v1/consultation/notifications", null, Access.SignedIn),
        new("PUT", "/api/v1/consultation/notifications/preference", _ => "/api/v1/consultation/notifications/preference", _ => Json("{\"daily\":true}"), Access.SignedIn),
        // Staff of 新园 (demo fund 1 is 新园社区's); the allowed cases, which depend on the fund's phase dates, are tested in Jiayuan.Consultation.Tests.
        new("POST", "/api/v1/consultation/funds", _ => "/api/v1/consultation/funds", i => Json($$"""{"placeId":{{i.Xinyuan}},"amount":"1.00"}"""), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/funds/{id:long}/slate", _ => "/api/v1/consultation/funds/1/slate", _ => Json("{\"projectIds\":[1]}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/funds/{id:long}/hearing", _ => "/api/v1/consultation/funds/1/hearing", _ => Json("{\"representatives\":20}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/funds/{id:long}/decision", _ => "/api/v1/consultation/funds/1/decision", _ => Json("{\"projectIds\":[1]}"), Access.XinyuanManager),
        // Staff of 新园 (demo body 1 and meeting 1 are 新园社区居民议事会's); the allowed cases are tested in Jiayuan.Consultation.Tests.
        new("POST", "/api/v1/consultation/bodies/{id:long}/members", _ => "/api/v1/consultation/bodies/1/members", _ => Json("{\"name\":\"越权\",\"organization\":\"x\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/bodies/{id:long}/meetings", _ => "/api/v1/consultation/bodies/1/meetings", _ => Json("{\"title\":\"越权\",\"startsAt\":\"2030-01-01T00:00:00Z\",\"agenda\":[\"x\"]}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/meetings/{id:long}/agenda/{itemId:long}/decision", _ => "/api/v1/consultation/meetings/1/agenda/1/decision", _ => Json("{\"text\":\"越权\",\"outcome\":\"Deferred\"}"), Access.XinyuanManager),
        new("POST", "/api/v1/consultation/meetings/{id:long}/minutes", _ => "/api/v1/consultation/meetings/1/minutes", _ => Json("{\"html\":\"<p>越权</p>\"}"), Access.XinyuanManager),
        // Staff of 新园 (the demo decision 1 is in its courtyard 01); the allowed case is tested in Jiayuan.Consultation.Tests.
        new("POST", "/api/v1/consultation/owners-decisions/{id:long}/paper-ballots", _ => "/api/v1/consultation/owners-decisions/1/paper-ballots", _ => Json("{\"ownerId\":1,\"choice\":\"Yes\",\"ballotNumber\":\"越权-1\"}"), Access.XinyuanManager),
    ];

    private static IEnumerable<(string Method, string Pattern, Endpoint Endpoint)> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!, (Endpoint)e)));

    private async Task<Ids> IdsAsync()
    {
        var xinyuan = await app.PlaceIdAsync(Known.Xinyuan);
        var page = await app.Anonymous().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/notices?placeId={xinyuan}&pageSize=100");
        var notice = page.GetProperty("items").EnumerateArray().First(n => n.GetProperty("placeName").GetString() == "新园社区").GetProperty("id").GetInt64();
        var user = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users.Select(x => x.Id)));
        Task<long> FirstAsync(string sql) => app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Database.SqlQueryRaw<long>(sql)));
        var org = await FirstAsync("SELECT \"Id\" AS \"Value\" FROM party_organizations WHERE \"PlacePath\" = '/510107063/003'");
        var member = await FirstAsync("SELECT \"Id\" AS \"Value\" FROM party_members WHERE \"PlacePath\" = '/510107063/003'");
        var demand = await FirstAsync("SELECT \"Id\" AS \"Value\" FROM demands_demands WHERE \"CommunityPath\" = '/510107063/003' AND \"Description\" LIKE '楼道里有电动车%'");
        return new Ids(xinyuan, notice, user, org, member, demand);
    }

    [Fact]
    public void EveryEndpoint_HasAProbe()
    {
        var missing = ApiEndpoints(app.Services)
            .Where(e => !Probes.Any(p => p.Method == e.Method && p.Pattern == e.Pattern))
            .Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(missing.Count == 0, "Endpoints without an authorization probe: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryNonPublicEndpoint_RequiresAuthorization()
    {
        foreach (var (method, pattern, endpoint) in ApiEndpoints(app.Services))
        {
            var probe = Probes.Single(p => p.Method == method && p.Pattern == pattern);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == (probe.Access == Access.Public), $"{method} {pattern}: anonymous={anonymous} but the probe says {probe.Access}");
        }
    }

    [Fact]
    public async Task Anonymous_IsRefused_OnEveryProtectedEndpoint()
    {
        var ids = await IdsAsync();
        var client = app.Anonymous();
        foreach (var p in Probes.Where(p => p.Access != Access.Public))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(p.Method), p.Url(ids)) { Content = p.Body?.Invoke(ids) });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{p.Method} {p.Pattern} anonymous → {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(Role.CommunityWorker)]
    [InlineData(Role.Resident)]
    public async Task OtherScopeOrNoRole_IsRefused_AndChangesNothing(Role role)
    {
        var ids = await IdsAsync();
        var login = await app.CreateUserAsync(role, Known.Fucheng);
        var client = await app.LoginAsync(login);
        foreach (var p in Probes.Where(p => p.Access is Access.XinyuanStaff or Access.XinyuanManager or Access.Admin))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(p.Method), p.Url(ids)) { Content = p.Body?.Invoke(ids) });
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{login}: {p.Method} {p.Pattern} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var writes = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries.Where(a => a.UserName == login && a.Action != "login")));
        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task RightScope_IsAllowed_ForScopedWrites()
    {
        var ids = await IdsAsync();
        var client = await app.LoginAsync(Known.XinyuanWorker);
        foreach (var p in Probes.Where(p => p.Access == Access.XinyuanStaff))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(p.Method), p.Url(ids)) { Content = p.Body?.Invoke(ids) });
            Assert.True(response.IsSuccessStatusCode, $"xinyuan: {p.Method} {p.Pattern} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
