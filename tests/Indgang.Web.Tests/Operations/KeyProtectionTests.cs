using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Indgang.Web.Tests.Operations;

/// <summary>
/// The Data Protection keys that sign the session cookies are kept in the database. Unencrypted, anyone with a backup
/// could forge a session; with Indgang:DataProtection:CertificatePath they are stored encrypted with the certificate, and
/// Production without one says so at start.
/// </summary>
public sealed class KeyProtectionTests
{
    private const string Password = "Nøgle-2026";

    [Fact]
    public async Task WithACertificate_TheStoredKeysAreEncrypted_AndSignInStillWorks()
    {
        var certificatePath = Path.Combine(Path.GetTempPath(), $"indgang-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(certificatePath, SelfSignedPfx());
        try
        {
            await using var factory = new ConfiguredFactory(IndgangAppFactory.TestSuiteEnvironment, ("Indgang:DataProtection:CertificatePath", certificatePath), ("Indgang:DataProtection:CertificatePassword", Password));

            using var browser = await Browser.SignedInAsync(factory, "koordinator");
            using var start = await browser.GetAsync("/");

            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            var keys = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(certificatePath);
        }
    }

    [Fact]
    public async Task Production_WithoutACertificate_WarnsAtStart_NamingTheSetting()
    {
        await using var factory = new ConfiguredFactory("Production");

        _ = factory.Services;

        Assert.Contains(factory.Log.At(LogLevel.Warning), m => m.Contains("Indgang:DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACertificateThatCannotBeRead_StopsTheStart_NamingTheSetting()
    {
        await using var factory = new ConfiguredFactory(IndgangAppFactory.TestSuiteEnvironment, ("Indgang:DataProtection:CertificatePath", "/findes/ikke.pfx"));

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        var stopped = Assert.IsType<InvalidOperationException>(refused is AggregateException a ? a.InnerException : refused);
        Assert.Contains("Indgang:DataProtection:CertificatePath", stopped.Message, StringComparison.Ordinal);
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PFX file holds it.</summary>
    private static byte[] SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Indgang Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, Password);
    }

    /// <summary>The app in <paramref name="environment"/> with the settings given, its warnings kept in <see cref="LoggedAppFactory.Log"/>.</summary>
    private sealed class ConfiguredFactory(string environment, params (string Key, string Value)[] settings) : LoggedAppFactory
    {
        protected override string EnvironmentName => environment;

        /// <summary>An installation of its own from the first start, so that every key in its database is one it made.</summary>
        protected override bool StartsFromSeededInstallation => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
