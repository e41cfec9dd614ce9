using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Indgang.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Indgang.Web.Platform;

/// <summary>
/// The Data Protection keys (which sign the session and antiforgery cookies) are kept in the database, so several app
/// servers share them. Unprotected, anyone with a database backup could read them and forge a session for any user;
/// with <c>Indgang:DataProtection:CertificatePath</c> (a PFX file with its private key, and <c>:CertificatePassword</c>)
/// each key is stored encrypted with the certificate. A file that cannot be read, or has no private key, stops the start.
/// </summary>
internal static partial class KeyProtection
{
    public const string CertificatePathKey = "Indgang:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Indgang:DataProtection:CertificatePassword";

    public static IServiceCollection AddIndgangDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("Indgang").PersistKeysToDbContext<IndgangDbContext>();
        var path = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            keys.ProtectKeysWithCertificate(Certificate(Path.GetFullPath(path, environment.ContentRootPath), configuration[CertificatePasswordKey]));
        }

        return services;
    }

    /// <summary>Says at start, when hardened (<see cref="TransportSecurity.IsHardened"/>), that the keys are stored unencrypted, and which setting changes it.</summary>
    public static WebApplication WarnIfKeysUnprotected(this WebApplication app)
    {
        if (app.Environment.IsHardened() && string.IsNullOrWhiteSpace(app.Configuration[CertificatePathKey]))
        {
            LogUnprotected(app.Logger, CertificatePathKey);
        }

        return app;
    }

    private static X509Certificate2 Certificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate '{path}' could not be read ({e.Message}); check the file and {CertificatePasswordKey}.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{CertificatePathKey}: the certificate '{path}' has no private key; the keys could be encrypted but never read again.");
        }

        return certificate;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection keys are stored in the database unencrypted: anyone with a backup of the database can forge a session. Set {Setting} (and its password) to a certificate that encrypts them.")]
    private static partial void LogUnprotected(ILogger logger, string setting);
}
