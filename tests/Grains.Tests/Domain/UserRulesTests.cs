using ProctorWise.Grains.Domain;
using ProctorWise.Grains.Interfaces.Errors;

namespace ProctorWise.Grains.Tests.Domain;

/// <summary>Account input rules.</summary>
public sealed class UserRulesTests
{
    [Fact]
    public void ValidInputIsCleaned() =>
        Assert.Equal(("Ann Lee", "ann@school.edu"), UserRules.Check("  Ann Lee ", " Ann@School.EDU ", "12345678"));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Ann <ann@school.edu>")]
    [InlineData("")]
    public void InvalidAddressesAreRefused(string email) =>
        Assert.Contains("email", Assert.Throws<ProctorWiseException>(() => UserRules.Check("Ann", email, "12345678")).Errors!.Keys);

    [Fact]
    public void PasswordsHaveBounds()
    {
        Assert.Contains("password", Assert.Throws<ProctorWiseException>(() => UserRules.Check("Ann", "a@b.c", "1234567")).Errors!.Keys);
        Assert.Contains("password", Assert.Throws<ProctorWiseException>(() => UserRules.Check("Ann", "a@b.c", new string('x', 129))).Errors!.Keys);
    }
}
