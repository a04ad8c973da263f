using System.Text.Json;
using Jiayuan.Party.Contracts;

namespace Jiayuan.Party.Tests;

public class DuesTests(JiayuanApp app)
{
    [Theory]
    [InlineData("3000", DuesCategory.Employed, "15.00")]
    [InlineData("3000.01", DuesCategory.Employed, "30.00")]
    [InlineData("5000", DuesCategory.Employed, "50.00")]
    [InlineData("5000.01", DuesCategory.Employed, "75.00")]
    [InlineData("5400", DuesCategory.Employed, "81.00")]
    [InlineData("9500", DuesCategory.Employed, "142.50")]
    [InlineData("10000", DuesCategory.Employed, "150.00")]
    [InlineData("10000.01", DuesCategory.Employed, "200.00")]
    [InlineData("11500", DuesCategory.Employed, "230.00")]
    [InlineData("5000", DuesCategory.Retired, "25.00")]
    [InlineData("5000.01", DuesCategory.Retired, "50.00")]
    [InlineData("8000", DuesCategory.Flat, "0.20")]
    [InlineData("1234.57", DuesCategory.Employed, "6.17")]
    public void Monthly_FollowsTheRateTable(string monthlyBase, DuesCategory category, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Domain.Dues.Monthly(decimal.Parse(monthlyBase, System.Globalization.CultureInfo.InvariantCulture), category));

    [Fact]
    public async Task Api_QuotesMonthlyAndYearly()
    {
        var q = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/party/dues?base=5400&category=Employed");
        Assert.Equal(81.00m, q.GetProperty("monthly").GetDecimal());
        Assert.Equal(972.00m, q.GetProperty("yearly").GetDecimal());
        Assert.Equal(0.015m, q.GetProperty("rate").GetDecimal());
    }

    [Fact]
    public async Task Api_NegativeBase_IsFieldError()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/party/dues?base=-1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("base", out _));
    }
}
