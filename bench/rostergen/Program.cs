// Writes a roster workbook of N generated members (valid ID check digits, unique IDs) for bench/roster-import.sh.
using System.Globalization;
using MiniExcelLibs;

var path = args.Length > 0 ? args[0] : "roster.xlsx";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var org = args.Length > 2 ? args[2] : "中共府城社区委员会";
int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const string checks = "10X98765432";

IEnumerable<Dictionary<string, object?>> Rows()
{
    for (var i = 0; i < count; i++)
    {
        var birth = new DateTime(1950, 1, 1).AddDays(i % 18000);
        var first17 = "5201" + (i / 18000 % 100).ToString("D2", CultureInfo.InvariantCulture) + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + (i % 999 + 1).ToString("D3", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            sum += (first17[k] - '0') * weights[k];
        }
        var id = first17 + checks[sum % 11];
        yield return new Dictionary<string, object?>
        {
            ["姓名"] = "导入党员" + i.ToString(CultureInfo.InvariantCulture), ["性别"] = (first17[16] - '0') % 2 == 1 ? "男" : "女", ["身份证号"] = id,
            ["手机号"] = "139" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), ["党员类型"] = "正式党员", ["入党日期"] = "2000-07-01",
            ["转正日期"] = "2001-07-01", ["所在党组织"] = org, ["工作单位"] = "测试单位",
        };
    }
}

MiniExcel.SaveAs(path, Rows(), overwriteFile: true);
Console.WriteLine($"{count} rows → {path}");
