using Microsoft.Extensions.Hosting;
using ProctorWise.Hosting.Silo;
using ProctorWise.Persistence.MariaDb;

// A silo-only host: `dotnet run --project src/Silo`; `… -- migrate` applies the MariaDB schema and exits.
// API processes (src/Frontend, or src/WebApi with Orleans__Hosting=Client) connect to such silos.
var builder = Host.CreateApplicationBuilder(args);
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args, builder.Configuration, Console.Out);
}

builder.AddProctorWiseSilo();
await builder.Build().RunAsync();
return 0;
