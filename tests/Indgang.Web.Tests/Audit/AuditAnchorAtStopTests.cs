using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// When the app stops, the audit chain's last row is anchored outside the database (<see cref="AuditAnchorService"/>), so
/// rows deleted at the end while it was down show as missing. The test host stops the app as a server does: the hosted
/// services stop before the services they use are disposed.
/// </summary>
public sealed class AuditAnchorAtStopTests
{
    [Fact]
    public async Task Stopping_AnchorsTheLastRow_WithoutAnError()
    {
        var anchorDirectory = Path.Combine(Path.GetTempPath(), "indgang-anchors", Guid.NewGuid().ToString("N"));
        try
        {
            var factory = new AnchorsApartFactory(anchorDirectory);
            long lastRow;
            await using (factory)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await audit.RecordAsAsync("koordinator", AuditAction.PersonRead, Guid.NewGuid(), AuditPurpose.PersonCase);
                lastRow = await factory.QueryAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
            }

            var lines = await File.ReadAllLinesAsync(Path.Combine(anchorDirectory, AuditAnchors.FileName));
            Assert.Equal(lastRow.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[^1].Split(' ')[1]);
            Assert.Empty(factory.Log.At(LogLevel.Error));
        }
        finally
        {
            Directory.Delete(anchorDirectory, recursive: true);
        }
    }

    /// <summary>The anchors kept in a folder of the test's, which outlives the app's data folder.</summary>
    private sealed class AnchorsApartFactory(string anchorDirectory) : LoggedAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(AuditAnchors.DirectoryKey, anchorDirectory);
        }
    }
}
