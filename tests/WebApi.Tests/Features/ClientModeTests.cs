using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ProctorWise.Grains.Interfaces.Security;
using ProctorWise.Hosting.Silo;
using ProctorWise.TestSupport;
using ProctorWise.TestSupport.Web;

namespace ProctorWise.WebApi.Tests.Features;

/// <summary>The WebApi as a pure Orleans client of a separately hosted silo (<c>Orleans:Hosting=Client</c>).</summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task TheApiServesRequestsFromASiloInAnotherHost()
    {
        var clusterId = "client-mode-" + Guid.NewGuid().ToString("N");
        var gatewayPort = FreePorts.Next();
        var lake = Path.Combine(Path.GetTempPath(), "pw-lake-" + clusterId);
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:Endpoints:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Lake:Path"] = lake,
            ["Bootstrap:AdminEmail"] = ApiFactory.AdminEmail,
            ["Bootstrap:AdminPassword"] = ApiFactory.AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        siloBuilder.AddProctorWiseSilo();
        using var silo = siloBuilder.Build();
        await silo.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var api = new ClientApiFactory(clusterId, gatewayPort);
            await api.InitializeAsync();

            var admin = await api.AdminAsync();
            var teacher = await admin.NewUserAsync(UserRole.Teacher);
            var exam = await teacher.CreatePublishedExamAsync();
            await Expect.Status(HttpStatusCode.OK, await teacher.GetRawAsync($"/api/exams/{exam.Id}"));
        }
        finally
        {
            await silo.StopAsync(TestContext.Current.CancellationToken);
            if (Directory.Exists(lake))
            {
                Directory.Delete(lake, recursive: true);
            }
        }
    }

    private sealed class ClientApiFactory(string clusterId, int gatewayPort) : ApiFactory
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Orleans:Hosting"] = "Client";
            settings["Orleans:ClusterId"] = clusterId;
            settings["Orleans:Endpoints:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);

            // The admin exists only in the external silo's store: signing in proves the API uses that cluster.
            settings["Bootstrap:AdminEmail"] = null;
            settings["Bootstrap:AdminPassword"] = null;
            return settings;
        }
    }
}
