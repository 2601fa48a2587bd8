using Microsoft.Extensions.Hosting;
using ProctorWise.Silo.Hosting;
using ProctorWise.Silo.Persistence;

// A silo-only host: `dotnet run --project src/Silo`; `… -- migrate` applies the MariaDB schema and exits.
// The WebApi connects to such silos with Orleans__Hosting=Client.
var builder = Host.CreateApplicationBuilder(args);
if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(args, builder.Configuration, Console.Out);
}

builder.AddProctorWiseSilo();
await builder.Build().RunAsync();
return 0;
