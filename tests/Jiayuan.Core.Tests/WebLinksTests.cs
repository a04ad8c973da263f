using Jiayuan.Core.Http;

namespace Jiayuan.Core.Tests;

public class WebLinksTests
{
    [Theory]
    [InlineData("https://live.example.cn/1", true)]
    [InlineData("http://example.cn", true)]
    [InlineData("ftp://example.cn/file", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative/path", false)]
    [InlineData("not a link", false)]
    public void OnlyAbsoluteHttpLinksAreKept(string link, bool kept) => Assert.Equal(kept, WebLinks.IsHttp(link));

    [Fact]
    public void ALinkLongerThanTheLimitIsRefused()
    {
        var link = "https://example.cn/" + new string('a', 500);
        Assert.False(WebLinks.IsHttp(link));
        Assert.True(WebLinks.IsHttp(link, max: 1000));
    }
}
