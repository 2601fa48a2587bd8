using Microsoft.Extensions.Hosting;
using ProctorWise.Silo.Hosting;

// A silo-only host: `dotnet run --project src/Silo`. The WebApi connects to it with Orleans__Hosting=Client.
var builder = Host.CreateApplicationBuilder(args);
builder.AddProctorWiseSilo();
await builder.Build().RunAsync();
