using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Text.Json;
using Jiayuan.Core.Identity;
using Jiayuan.Core.Privacy;
using Jiayuan.Party.Domain;
using Microsoft.EntityFrameworkCore;
using Excel = MiniExcelLibs.MiniExcel;

namespace Jiayuan.Party.Tests;

/// <summary>Imports add members, which would change the demo totals other tests check: these tests get an app of their own.</summary>
public sealed class ImportApp : JiayuanApp;

public class ImportTests(ImportApp app) : IClassFixture<ImportApp>
{
    private static int _seq = 500;

    /// <summary>A checksum-valid ID with a fixed birth date, unique per call, male when <paramref name="male"/>.</summary>
    public static string NewId(bool male = true)
    {
        var seq = Interlocked.Increment(ref _seq) % 500 * 2 + (male ? 1 : 0);
        var first17 = "51010819850101" + seq.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ChineseId.CheckCharacter(first17);
    }

    internal static MultipartFormDataContent Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var ms = new MemoryStream();
        Excel.SaveAs(ms, rows);
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(ms.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "名册.xlsx");
        return content;
    }

    internal static Dictionary<string, object?> Row(string name, string id, string type, string admitted, string? full, string org, string? phone = "13912345678", string gender = "男") => new()
    {
        ["姓名"] = name, ["性别"] = gender, ["身份证号"] = id, ["手机号"] = phone, ["党员类型"] = type, ["入党日期"] = admitted, ["转正日期"] = full,
        ["所在党组织"] = org, ["工作单位"] = "测试单位",
    };

    [Fact]
    public async Task DirtyWorkbook_DryRunReportsEveryRow_RealRunImportsOnlyTheGoodOnes()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        var org = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath.StartsWith("/510107063/004/") && o.Kind == Contracts.OrgKind.Branch).Select(o => o.Name).FirstAsync());
        var today = Jiayuan.Core.Text.Dates.Today(app.Clock);
        var good1 = NewId();
        var good2 = NewId(male: false);
        var fullWidth = string.Concat(good2.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c));
        var duplicate = NewId();
        var existing = await app.WithDbAsync(async db => (await db.Set<PartyMember>().FirstAsync()).IdNumberCipher!);
        var existingId = app.Services.GetRequiredService<IPersonalDataCipher>().Unprotect(existing);
        var rows = new[]
        {
            Row("李 明", good1, "正式党员", "2010-07-01", "2011-07-01", org),                                    // 2: ok
            Row("王芳", fullWidth, "预备党员", today.AddMonths(-3).ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture), null, org, gender: "女"), // 3: ok, full-width digits
            Row("坏校验", good1[..17] + (good1[17] == '1' ? "2" : "1"), "正式党员", "2010-07-01", null, org),  // 4: bad check digit
            Row("重复一", duplicate, "正式党员", "2012-07-01", null, org),                                     // 5: ok
            Row("重复二", duplicate, "正式党员", "2012-07-01", null, org),                                     // 6: duplicate in file
            Row("未知组织", NewId(), "正式党员", "2012-07-01", null, "不存在的党支部"),                       // 7: unknown org
            Row("预备太久", NewId(), "预备党员", "2015-01-01", null, org),                                     // 8: probation over
            Row("转正太早", NewId(), "正式党员", "2015-01-01", "2015-06-01", org),                              // 9: conversion too early
            Row("已在册", existingId, "正式党员", "2000-01-01", null, org),                                    // 10: already a member
            Row("性别不符", NewId(male: true), "正式党员", "2000-01-01", null, org, gender: "女"),              // 11: gender mismatch
            Row("手机错", NewId(), "正式党员", "2000-01-01", null, org, phone: "123"),                          // 12: bad phone
        };

        var dry = await (await secretary.PostAsync($"/api/v1/party/members/import?scope={Known.Jincheng}&dryRun=true", Workbook(rows))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(11, dry.GetProperty("rows").GetInt32());
        Assert.Equal(3, dry.GetProperty("valid").GetInt32());
        Assert.Equal(0, dry.GetProperty("imported").GetInt32());
        var problemRows = dry.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("row").GetInt32()).OrderBy(r => r).ToList();
        Assert.Equal([4, 6, 7, 8, 9, 10, 11, 12], problemRows);
        string ErrorsOf(int row) => string.Join(" ", dry.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("row").GetInt32() == row).GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("校验码", ErrorsOf(4), StringComparison.Ordinal);
        Assert.Contains("重复", ErrorsOf(6), StringComparison.Ordinal);
        Assert.Contains("不存在的党支部", ErrorsOf(7), StringComparison.Ordinal);
        Assert.Contains("预备期", ErrorsOf(8), StringComparison.Ordinal);
        Assert.Contains("已登记", ErrorsOf(10), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m => m.RealName == "李 明")));

        var real = await (await secretary.PostAsync($"/api/v1/party/members/import?scope={Known.Jincheng}&dryRun=false", Workbook(rows))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, real.GetProperty("imported").GetInt32());
        var cipher = app.Services.GetRequiredService<IPersonalDataCipher>();
        var wang = await app.WithDbAsync(db => db.Set<PartyMember>().SingleAsync(m => m.RealName == "王芳"));
        Assert.Equal(cipher.Hash(good2), wang.IdNumberHash);
        Assert.Equal(Contracts.MemberStatus.Probationary, wang.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m => m.RealName == "重复二" || m.RealName == "坏校验")));

        // The statistics see the imported members at once (maintained counters).
        var stats = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/stats?scope=510107063004");
        var actual = await app.WithDbAsync(db => db.Set<PartyMember>().CountAsync(m => m.PlacePath.StartsWith("/510107063/004")));
        Assert.Equal(actual, stats.GetProperty("members").GetInt32());
    }

    [Fact]
    public async Task Import_OtherCommunity_IsForbidden_NonXlsxIsRefused()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Jincheng));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsync($"/api/v1/party/members/import?scope={Known.Xinyuan}", Workbook([Row("x", NewId(), "正式党员", "2000-01-01", null, "x")]))).StatusCode);
        var text = new MultipartFormDataContent { { new StringContent("姓名,身份证号"), "file", "名册.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await secretary.PostAsync($"/api/v1/party/members/import?scope={Known.Jincheng}", text)).StatusCode);
    }

    [Fact]
    public async Task Export_GivesTheRosterMaskedAndIsAudited()
    {
        var secretary = await app.LoginAsync(await app.CreateUserAsync(Role.BranchSecretary, Known.Fucheng));
        var id = await app.WithDbAsync(db => db.Set<PartyOrganization>().Where(o => o.PlacePath == "/510107063/002" && o.Kind == Contracts.OrgKind.Committee).Select(o => o.Id).FirstAsync());
        var bytes = await secretary.GetByteArrayAsync($"/api/v1/party/organizations/{id}/members.xlsx");
        using var ms = new MemoryStream(bytes);
        var rows = Excel.Query(ms, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(40, rows.Count);
        Assert.Contains("*", (string)rows[0]["身份证号"], StringComparison.Ordinal);
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(audits >= 1);
    }
}
