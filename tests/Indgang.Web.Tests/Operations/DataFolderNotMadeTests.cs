using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// A data folder that cannot be made stops the start naming the setting that names it: the start stopped on .NET's own
/// »Could not find a part of the path …« or »Access to the path … is denied«, which did not say which setting to correct
/// (found by the operator's review).
/// </summary>
public sealed class DataFolderNotMadeTests
{
    [Fact]
    public async Task ADataFolderUnderAFile_StopsTheStart_NamingIndgangDataDirectory()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using var server = new ServerWithDataFolder(Path.Combine(file, "data"));

            var refused = Record.Exception(() => server.Services);

            Assert.NotNull(refused);
            var messages = StartRefusal.Messages(refused);
            Assert.Contains($"Indgang:DataDirectory: the folder {Path.Combine(file, "data")} cannot be made or used:", messages, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The app on SQLite with its data folder where the test says, starting empty.</summary>
    private sealed class ServerWithDataFolder(string dataDirectory) : IndgangAppFactory
    {
        protected override bool StartsFromSeededInstallation => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Indgang:DataDirectory", dataDirectory);
        }
    }
}
