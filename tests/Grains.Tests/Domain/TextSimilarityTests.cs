using ProctorWise.Grains.Domain;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Short-answer normalisation and similarity.</summary>
public sealed class TextSimilarityTests
{
    [Theory]
    [InlineData("  Le Café, noir! ", "le cafe noir")]
    [InlineData("Hello\t\nWORLD", "hello world")]
    [InlineData("...", "")]
    [InlineData(null, "")]
    public void NormalizeFoldsCaseAccentsPunctuationAndSpaces(string? input, string expected) =>
        Assert.Equal(expected, TextSimilarity.Normalize(input));

    [Fact]
    public void SimilarityIsOneMinusRelativeEditDistance()
    {
        Assert.Equal(1.0, TextSimilarity.Similarity("abc", "abc"));
        Assert.Equal(0.0, TextSimilarity.Similarity("abc", "xyz"));
        Assert.Equal(0.75, TextSimilarity.Similarity("abcd", "abce"));
        Assert.Equal(1.0, TextSimilarity.Similarity(string.Empty, string.Empty));
    }
}
