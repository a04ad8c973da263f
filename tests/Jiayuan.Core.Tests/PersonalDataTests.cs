using Jiayuan.Core.Privacy;

namespace Jiayuan.Core.Tests;

public class ChineseIdTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("110105194913310029", false)]
    [InlineData("110105491231002", true)]
    [InlineData("11010519491231002", false)]
    [InlineData("abcdefghijklmnopqr", false)]
    public void IsValid_NormalizedInput_ChecksDigitAndDate(string input, bool valid) =>
        Assert.Equal(valid, ChineseId.IsValid(ChineseId.Normalize(input)));

    [Fact]
    public void CheckCharacter_StandardExample_IsX() => Assert.Equal('X', ChineseId.CheckCharacter("11010519491231002"));

    [Fact]
    public void Normalize_FullWidthAndLowerX_StoresAsciiUpper() =>
        Assert.Equal("11010519491231002X", ChineseId.Normalize(" １１０１０５１９４９１２３１００２x "));
}

public class MaskingTests
{
    [Fact]
    public void Phone_ElevenDigits_KeepsThreeAndFour() => Assert.Equal("138****5678", Masking.Phone("13812345678"));

    [Fact]
    public void IdNumber_Eighteen_KeepsThreeAndFour() => Assert.Equal("110***********002X", Masking.IdNumber("11010519491231002X"));

    [Fact]
    public void Name_KeepsFirstCharacter() => Assert.Equal("张**", Masking.Name("张三丰"));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138-1234-5678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("02885551234", false)]
    public void Mobile_Pattern_FollowsRule(string input, bool valid) => Assert.Equal(valid, Phone.IsMobile(Phone.Normalize(input)));
}

public class CipherTests
{
    private readonly AesGcmPersonalDataCipher _cipher = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Protect_RoundTrips_AndDiffersEachTime()
    {
        var a = _cipher.Protect("13812345678");
        var b = _cipher.Protect("13812345678");
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("13812345678", a, StringComparison.Ordinal);
        Assert.Equal("13812345678", _cipher.Unprotect(a));
    }

    [Fact]
    public void Hash_IsStableAndKeyed()
    {
        var other = new AesGcmPersonalDataCipher(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        Assert.Equal(_cipher.Hash("13812345678"), _cipher.Hash("13812345678"));
        Assert.NotEqual(_cipher.Hash("13812345678"), other.Hash("13812345678"));
    }

    [Fact]
    public void Unprotect_Tampered_Throws()
    {
        var c = _cipher.Protect("secret");
        var bytes = Convert.FromBase64String(c[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => _cipher.Unprotect("v1:" + Convert.ToBase64String(bytes)));
    }
}
