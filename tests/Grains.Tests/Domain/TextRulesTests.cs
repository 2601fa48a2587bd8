using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Stored texts: any script, tabs and line breaks, but no control characters.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Plain text")]
    [InlineData("Two\nlines\r\nand\ta tab")]
    [InlineData("امتحان الكيمياء")]
    [InlineData("מבחן \u200Fבכימיה")]
    [InlineData("Zürich, 東京, 😀")]
    [InlineData("")]
    public void OrdinaryTextIsClean(string text) => Assert.True(TextRules.IsClean(text));

    [Theory]
    [InlineData("nul\0inside")]
    [InlineData("bell\a")]
    [InlineData("escape\u001b[31m")]
    [InlineData("c1\u0085")]
    [InlineData("del\u007f")]
    public void ControlCharactersAreNot(string text) => Assert.False(TextRules.IsClean(text));

    [Fact]
    public void EveryTextFieldRefusesThemByName()
    {
        Assert.Contains("name", Assert.Throws<ProctorWiseException>(() => UserRules.Check("Ann\0", "a@b.c", "12345678")).Errors!.Keys);
        var errors = new ValidationErrors();
        errors.CheckLength("feedback", "good\u0000work", 100);
        Assert.Equal("feedback", Assert.Single(Assert.Throws<ProctorWiseException>(errors.ThrowIfAny).Errors!.Keys));
    }
}
