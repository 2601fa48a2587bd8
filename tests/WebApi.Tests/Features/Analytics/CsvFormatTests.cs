using ProctorWise.Api.Features.Analytics;

namespace ProctorWise.WebApi.Tests.Features.Analytics;

/// <summary>The CSV writer: RFC 4180 quoting and the cells a spreadsheet would run as formulas.</summary>
public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void TextCellsAreQuotedAndNeutralised(string value, string expected)
    {
        Assert.Equal($"c\r\n{expected}\r\n", CsvFormat.Write(["c"], [[value]]));
    }

    [Fact]
    public void ValuesAreWrittenInvariantAndNumbersAreNotFormulas()
    {
        var csv = CsvFormat.Write(
            ["n", "x", "b", "d", "t", "l", "none"],
            [[-3L, -0.5, true, new DateOnly(2026, 12, 5), new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(1)), new[] { "e1", "=e2" }, null]]);

        Assert.Equal("n,x,b,d,t,l,none\r\n-3,-0.5,true,2026-12-05,2026-12-05T08:30:00Z,e1;=e2,\r\n", csv);
    }

    [Fact]
    public void OnlyNumbersAreBareValuesOtherFormattableValuesAreNeutralisedText()
    {
        var csv = CsvFormat.Write(
            ["span", "inf", "nan", "dec", "big"],
            [[TimeSpan.FromMinutes(-5), double.NegativeInfinity, double.NaN, -1.5m, new System.Numerics.BigInteger(-7)]]);

        Assert.Equal("span,inf,nan,dec,big\r\n'-00:05:00,'-Infinity,NaN,-1.5,-7\r\n", csv);
    }

    [Fact]
    public void HeadersAndListsAreNeutralisedByTheirFirstCharacter()
    {
        var csv = CsvFormat.Write(["=cmd", "ok"], [[new[] { "@SUM(1)", "x" }, new[] { "a", "=b" }]]);

        Assert.Equal("'=cmd,ok\r\n'@SUM(1);x,a;=b\r\n", csv);
    }

    [Fact]
    public void TextOutsideAsciiIsKeptAsIsForUtf8AndAFieldMayHoldEveryQuotingCaseAtOnce()
    {
        var csv = CsvFormat.Write(["name"], [["Zoë Ångström 试"], ["-\"a\",\r\nb"]]);

        Assert.Equal("name\r\nZoë Ångström 试\r\n\"'-\"\"a\"\",\r\nb\"\r\n", csv);
    }
}
