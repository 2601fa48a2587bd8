using ProctorWise.Api.Hosting;
using ProctorWise.Hosting.Silo;

// ProctorWise, embedded: the API with a silo in this process (in-memory providers and demo data by
// default). `Orleans:Hosting=Client` makes it a client of a separate cluster instead.
var builder = WebApplication.CreateBuilder(args);
builder.UseProctorWiseWebHost();
builder.AddProctorWiseOrleans();
builder.AddProctorWiseApi();

var app = builder.Build();
app.MapProctorWiseApi();
app.Run();
