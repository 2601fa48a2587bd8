using Microsoft.AspNetCore.Builder;
using ProctorWise.Hosting.Silo;
using ProctorWise.Persistence.MariaDb;

// A silo-only host: `dotnet run --project src/Silo`; `… -- migrate` applies the MariaDB schema and exits.
// API processes (src/Frontend, or src/WebApi with Orleans__Hosting=Client) connect to such silos.
// Its HTTP port (Silo:HttpPort) serves /health/live, /health/ready and /metrics only.
var builder = WebApplication.CreateSlimBuilder(args);
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args, builder.Configuration, Console.Out);
}

builder.AddProctorWiseSilo();
builder.AddProctorWiseSiloEndpoints();
var app = builder.Build();
app.MapProctorWiseSiloEndpoints();
try
{
    await app.RunAsync();
}
catch (PortUnavailableException e)
{
    // The host has logged it with its stack; this is the one line an operator needs.
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

return 0;
