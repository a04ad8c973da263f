using System.Text;
using Jiayuan.Core.Text;

namespace Jiayuan.Core.Tests;

public class SpreadsheetTests
{
    [Fact]
    public void Csv_InGb18030_WithFullWidthCells_IsReadAndFolded_BlankRowsKeepTheirNumbers()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("房号,面积,业主姓名\r\n５栋１０１,８９．５６,王建国\r\n,,\r\n5栋102,90.10,李四\r\n");
        var rows = Spreadsheet.Read(new MemoryStream(bytes), "名册.csv", 100);
        Assert.Equal([2, 4], rows.Select(r => r.Number));
        Assert.Equal("5栋101", rows[0].Get("房号"));
        Assert.Equal("89.56", rows[0].Get("面积"));
        Assert.Equal("王建国", rows[0].Get("业主", "业主姓名"));
        Assert.Equal(["房号", "面积"], rows[0].Folded.Select(f => f.Header));
        Assert.Empty(rows[1].Folded);
    }

    [Fact]
    public void Xlsx_NumbersComeBackAsInvariantText_AndTooManyRowsOrNotAWorkbookAreRefused()
    {
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, new[] { new Dictionary<string, object?> { ["面积"] = 89.56, ["楼栋"] = 3 }, new Dictionary<string, object?> { ["面积"] = 100.0, ["楼栋"] = 4 } });
        var rows = Spreadsheet.Read(new MemoryStream(buffer.ToArray()), "a.xlsx", 10);
        Assert.Equal(["89.56", "100"], rows.Select(r => r.Get("面积")));
        Assert.Equal("3", rows[0].Get("楼栋"));
        Assert.Throws<InvalidDataException>(() => Spreadsheet.Read(new MemoryStream(buffer.ToArray()), "a.xlsx", 1));
        Assert.Throws<InvalidDataException>(() => Spreadsheet.Read(new MemoryStream("房号,面积"u8.ToArray()), "a.xlsx", 10));
        Assert.False(Spreadsheet.IsSupported("a.xls"));
    }
}
