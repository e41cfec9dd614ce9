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
    // Said in the JSON log (the Critical line, with the exception) and in one line on stderr; the process ends with
    // exit code 1. Thrown on, it ended in SIGABRT (exit 134, "Aborted"): where core dumps are on, a dump of the process
    // that held the audit chain's key and the database's password.
    // Run by another program's host (the tests' WebApplicationFactory calls this Main inside the test process), the error
    // is thrown on to that program, which reports it.
    StartupFailure.Log(error);
    if (System.Reflection.Assembly.GetEntryAssembly() != typeof(Program).Assembly)
    {
        throw;
    }

    await Console.Error.WriteLineAsync($"Indgang did not start: {StartupFailure.Reason(error)}");
    Environment.ExitCode = 1;
}
