using Indgang.Web.Platform;

if (await CommandLine.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIndgang();

var app = builder.Build();
app.UseIndgang();
app.MapIndgang();
await app.RunAsync();
