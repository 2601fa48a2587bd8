using ProctorWise.WebApi.Hosting;

// ProctorWise API. Embedded mode (default): a silo runs in this process with in-memory providers
// and demo data; `Orleans:Hosting=Client` makes it a client of a separate cluster instead.
var builder = WebApplication.CreateBuilder(args);
builder.UseProctorWiseDefaultUrl();
builder.AddProctorWiseOrleans();
builder.AddProctorWiseApi();

var app = builder.Build();
app.MapProctorWiseApi();
app.Run();
