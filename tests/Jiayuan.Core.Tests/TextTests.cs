using Jiayuan.Core.Data;
using Jiayuan.Core.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Jiayuan.Core.Tests;

public class RichTextTests
{
    [Fact]
    public void Sanitize_Script_IsRemovedAndFormattingKept()
    {
        var html = RichText.Sanitize("<p onclick=\"x()\">你好<script>alert(1)</script><b>世界</b><a href=\"javascript:alert(1)\">链接</a></p>");
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>世界</b>", html, StringComparison.Ordinal);
    }
}

public class UploadsTests
{
    [Fact]
    public void Inspect_ExeRenamedJpg_IsRefused()
    {
        var exe = new byte[1024];
        exe[0] = (byte)'M';
        exe[1] = (byte)'Z';
        var (file, error) = Uploads.Inspect("photo.jpg", exe);
        Assert.Null(file);
        Assert.NotNull(error);
    }

    [Fact]
    public void Inspect_JpegWithGps_IsReencodedWithoutExif()
    {
        using var image = new Image<Rgb24>(40, 30);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.Model, "Test Camera");
        using var ms = new MemoryStream();
        image.SaveAsJpeg(ms);
        var (file, error) = Uploads.Inspect("photo.JPG", ms.ToArray());
        Assert.Null(error);
        Assert.Equal("image/jpeg", file!.ContentType);
        using var reloaded = Image.Load(file.Content);
        Assert.Null(reloaded.Metadata.ExifProfile);
    }

    [Fact]
    public void Inspect_TooLarge_IsRefused()
    {
        var (file, error) = Uploads.Inspect("big.pdf", new byte[(int)Uploads.MaxBytes + 1]);
        Assert.Null(file);
        Assert.Equal("The file is larger than 10 MB.", error);
    }
}

public class TreePathTests
{
    [Fact]
    public void Ancestors_ListsEveryPrefixInOrder() =>
        Assert.Equal(["/510107063", "/510107063/002", "/510107063/002/01"], TreePath.Ancestors("/510107063/002/01"));

    [Fact]
    public void Descendants_RangeExcludesSiblingsWithLongerCodes()
    {
        var (from, to) = TreePath.Descendants("/510107063/002");
        Assert.True(string.CompareOrdinal("/510107063/002/01", from) >= 0 && string.CompareOrdinal("/510107063/002/01", to) < 0);
        Assert.False(string.CompareOrdinal("/510107063/0021", from) >= 0 && string.CompareOrdinal("/510107063/0021", to) < 0);
    }

    [Fact]
    public void IsWithin_SiblingWithSamePrefix_IsOutside()
    {
        Assert.True(Identity.Scope.IsWithin("/510107063/002/01", "/510107063/002"));
        Assert.False(Identity.Scope.IsWithin("/510107063/0021", "/510107063/002"));
    }
}
