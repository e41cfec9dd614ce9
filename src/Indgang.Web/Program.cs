using Indgang.Web.Platform;

if (await CommandLine.TryRunAsync(args))
{
    return;
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddIndgang();

    var app = builder.Build();
    app.UseIndgang();
    app.MapIndgang();
    await app.RunAsync();
}
catch (Exception error) when (error is not HostAbortedException)
{
    // Said in the JSON log too; thrown on, so that .NET writes it to stderr and the process ends with an error.
    StartupFailure.Log(error);
    throw;
}
