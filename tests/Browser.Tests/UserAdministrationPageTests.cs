using Microsoft.Playwright;
using ProctorWise.Browser.Tests.Infrastructure;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.Browser.Tests;

/// <summary>
/// The admin users page (issue 17): a CSV import with a bad line names it and creates nothing; the corrected file
/// creates every account and shows the temporary passwords once; the imported user is then held on the
/// change-password page until they choose their own password. And the search.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class UserAdministrationPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnImportWithABadLineCreatesNothingThenTheCorrectedFileCreatesEveryAccount()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        await page.GotoAsync("/admin/users");
        var good = $"Imogen {tag},imogen-{tag}@school.test,student";
        var bad = $"Ivo {tag},ivo-{tag}.school.test,teacher";

        await page.GetByTestId("import-csv").FillAsync($"name,email,role\n{good}\n{bad}\n");
        await page.GetByTestId("import-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveTextAsync(["Line 3, email: Not a valid e-mail address."]);
        await Assertions.Expect(page.GetByTestId("import-status")).ToContainTextAsync("Nothing was imported");
        await page.GetByTestId("user-search").FillAsync(tag);
        await Assertions.Expect(page.GetByTestId("empty-state")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await fixture.ScreenshotAsync(page, "admin-users-import-error");

        await page.GetByTestId("import-csv").FillAsync($"name,email,role\n{good}\n{bad.Replace($"ivo-{tag}.school", $"ivo-{tag}@school", StringComparison.Ordinal)}\n");
        await page.GetByTestId("import-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-status")).ToContainTextAsync("Created 2 accounts");
        await Assertions.Expect(page.GetByTestId("temporary-password")).ToHaveCountAsync(2);
        var temporary = await page.GetByTestId("temporary-password-row").Filter(new() { HasText = $"imogen-{tag}@" }).GetByTestId("temporary-password").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("user-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("user-temporary-password")).ToHaveCountAsync(2);
        await fixture.ScreenshotAsync(page, "admin-users-imported");

        // Imogen signs in with the temporary password: only the change-password page opens until she picks her own.
        var imogen = await fixture.NewPageAsync();
        await SignIn.AsAsync(imogen, $"imogen-{tag}@school.test", temporary);
        await Assertions.Expect(imogen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await Assertions.Expect(imogen.GetByTestId("password-required")).ToBeVisibleAsync();
        await imogen.GotoAsync("/exams");
        await Assertions.Expect(imogen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password$"));
        await Accessibility.AssertNoSeriousViolationsAsync(imogen);
        await imogen.GetByTestId("password-current").FillAsync(temporary);
        await imogen.GetByTestId("password-new").FillAsync("imogens-own-password");
        await imogen.GetByTestId("password-again").FillAsync("imogens-own-password");
        await imogen.GetByTestId("password-submit").ClickAsync();
        await Assertions.Expect(imogen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exams$"));
    }
}
