using ProctorWise.Api.Hosting;
using ProctorWise.Hosting;

// ProctorWise API in front of a silo cluster (the API pods of a deployment): an Orleans client only.
// The cluster is found as the silos advertise it (ConnectionStrings__MariaDb, Orleans__ClusterId, …).
var builder = WebApplication.CreateBuilder(args);
builder.UseProctorWiseWebHost();
builder.AddProctorWiseClient();
builder.AddProctorWiseApi();

var app = builder.Build();
app.MapProctorWiseApi();
app.Run();
