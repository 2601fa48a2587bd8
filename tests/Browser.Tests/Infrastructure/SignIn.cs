using Microsoft.Playwright;

namespace ProctorWise.Browser.Tests.Infrastructure;

/// <summary>Signing in through the web client's own form.</summary>
public static class SignIn
{
    /// <summary>The password the API's test helpers give new accounts.</summary>
    public const string DefaultPassword = "password-123";

    /// <summary>Signs in on the sign-in page and waits until the shell shows the signed-in user.</summary>
    public static async Task AsAsync(IPage page, string email, string password = DefaultPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-signout")).ToBeVisibleAsync();
    }
}
