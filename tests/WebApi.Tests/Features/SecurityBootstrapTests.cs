using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProctorWise.Grains.Interfaces.Common;
using ProctorWise.Grains.Interfaces.Exams;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Grains.Interfaces.Users;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>
/// No accounts appear that the operator did not ask for: demo data stays off when disabled, and the
/// bootstrap admin is only ever created on an empty store. Each test brings hosts of its own.
/// </summary>
public sealed class SecurityBootstrapTests
{
    private const string LateAdminEmail = "late-admin@school.test";
    private const string LateAdminPassword = "late-admin-password";

    [Fact]
    public async Task WithDemoDisabledEvenADevelopmentHostSeedsNothingButTheBootstrapAdmin()
    {
        await using var factory = new NoDemoFactory();
        await factory.InitializeAsync();

        var admin = await factory.AdminAsync();
        var users = await admin.GetAsync<PagedResult<UserView>>("/api/users");
        var only = Assert.Single(users.Items);
        Assert.Equal(ApiFactory.AdminEmail, only.Email);
        Assert.Equal(UserRole.Admin, only.Role);
        Assert.Equal(0, (await admin.GetAsync<PagedResult<ExamView>>("/api/exams")).Total);
        await Expect.Problem(HttpStatusCode.Unauthorized, await factory.Anonymous().PostAsync("/api/auth/login", new { email = "teacher@proctorwise.test", password = "demo-password" }));
    }

    [Fact]
    public async Task TheBootstrapAdminIsSkippedWhenTheStoreAlreadyHasUsers()
    {
        // The first silo (co-hosted with the API) seeds the demo data and has no bootstrap admin configured.
        await using var api = new DemoOnlyFactory();
        await api.InitializeAsync();
        var demoAdmin = await api.Anonymous().LoginAsync("admin@proctorwise.test", "demo-password");
        var seeded = await demoAdmin.GetStringAsync("/api/users");

        // A second silo joins the same cluster (same store) with a bootstrap admin configured: the store is
        // not empty, so no account is created; its demo setting finds the data already seeded.
        var cancel = TestContext.Current.CancellationToken;
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = api.ClusterId,
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:PrimarySiloPort"] = api.SiloPort.ToString(CultureInfo.InvariantCulture),
            // The cluster's shared folders (a volume in production), never the machine's default lake.
            ["Lake:Path"] = api.LakePath,
            ["Evidence:Path"] = api.EvidencePath,
            ["Bootstrap:AdminEmail"] = LateAdminEmail,
            ["Bootstrap:AdminPassword"] = LateAdminPassword,
            ["Demo:Enabled"] = "true",
            // In-memory storage grains do not survive a silo leaving: the joining silo logs persistence errors
            // while it stops, which are not what this test is about.
            ["Logging:LogLevel:Default"] = "Critical",
        });
        siloBuilder.AddProctorWiseSilo();
        using var silo = siloBuilder.Build();
        await silo.StartAsync(cancel);
        try
        {
            await Expect.Problem(HttpStatusCode.Unauthorized, await api.Anonymous().PostAsync("/api/auth/login", new { email = LateAdminEmail, password = LateAdminPassword }));
            var users = await demoAdmin.GetAsync<PagedResult<UserView>>("/api/users");
            Assert.Equal(4, users.Total);
            Assert.DoesNotContain(users.Items, u => u.Email == LateAdminEmail);
            Assert.Equal(seeded, await demoAdmin.GetStringAsync("/api/users"));
            Assert.Equal(1, (await demoAdmin.GetAsync<PagedResult<ExamView>>("/api/exams")).Total);
        }
        finally
        {
            await silo.StopAsync(cancel);
        }
    }

    /// <summary>Development turns demo data on by default; an explicit <c>Demo:Enabled=false</c> wins.</summary>
    private sealed class NoDemoFactory : ApiFactory
    {
        protected override string EnvironmentName => "Development";

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Demo:Enabled"] = "false";
            return settings;
        }
    }

    /// <summary>Demo data and no bootstrap admin, on a cluster another silo can join.</summary>
    private sealed class DemoOnlyFactory : ApiFactory
    {
        public string ClusterId { get; } = "bootstrap-" + Guid.NewGuid().ToString("N");

        public int SiloPort { get; } = FreePorts.Next();

        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Demo:Enabled"] = "true";
            settings["Bootstrap:AdminEmail"] = null;
            settings["Bootstrap:AdminPassword"] = null;
            settings["Orleans:ClusterId"] = ClusterId;
            settings["Orleans:Endpoints:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
            return settings;
        }
    }
}
