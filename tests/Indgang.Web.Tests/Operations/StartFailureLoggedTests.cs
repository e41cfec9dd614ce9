using System.Diagnostics;
using System.Text.Json;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A start that fails is one Critical line in the JSON log, naming why, as well as the exception .NET writes to stderr:
/// before, a log collector reading the JSON log saw nothing of it (found by the operator review). The app is started as
/// the operator starts it, as a process of its own, with a setting it refuses. It leaves no data folder behind.
/// </summary>
public sealed class StartFailureLoggedTests
{
    [Fact]
    public async Task ARefusedSetting_StopsTheStart_WithOneCriticalJsonLine_NamingIt()
    {
        var data = Path.Combine(Path.GetTempPath(), "indgang-tests", "start-failure-" + Guid.NewGuid().ToString("N"));
        var app = AppDll();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { app },
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Indgang__DataDirectory"] = data,
                ["Indgang__TimeZone"] = "Mars/Olympus_Mons",
            },
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        // Exit code 1, not the 134 of SIGABRT that an exception thrown out of Main ended in (a core dump where they are on).
        Assert.Equal(1, process.ExitCode);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var critical = Assert.Single(lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()), line => line.GetProperty("LogLevel").GetString() == "Critical");
        Assert.Equal("Indgang.Web.Startup", critical.GetProperty("Category").GetString());
        Assert.StartsWith("The application stopped on an error: Indgang:TimeZone: this machine has no time zone 'Mars/Olympus_Mons'.",
            critical.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", critical.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        // And on stderr, in one line: not thrown out of Main.
        var stderr = await errors;
        Assert.Contains("Indgang did not start: Indgang:TimeZone: this machine has no time zone 'Mars/Olympus_Mons'.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        // Nothing left behind: the data folder was made as the services were registered, before the refusal.
        var leftBehind = Directory.Exists(data);
        if (leftBehind)
        {
            Directory.Delete(data, recursive: true);
        }

        Assert.False(leftBehind, $"The refused start made the data folder {data}.");
    }

    /// <summary>The web project's own build output, of the configuration the tests were built in.</summary>
    private static string AppDll()
    {
        // The tests run from tests/Indgang.Web.Tests/bin/{configuration}/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(SourceTree.WebProject, "bin", configuration, "net10.0", "Indgang.Web.dll");
        Assert.True(File.Exists(dll), $"The app is not built at {dll}.");
        return dll;
    }
}
