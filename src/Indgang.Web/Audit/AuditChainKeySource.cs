using Indgang.Domain.Audit;
using Indgang.Web.Data;

namespace Indgang.Web.Audit;

/// <summary>
/// Where the audit chain's key comes from: Indgang:Audit:ChainKey (base64 of at least 32 bytes), kept outside the
/// database. Production refuses to start without it: an unkeyed chain can be rewritten, hashes and all, by anyone who
/// can write the database, so the log would only look tamper-evident. Outside Production a key is made once and kept
/// in <see cref="DevelopmentKeyFile"/> in the data folder, beside (not in) the database.
/// </summary>
internal static partial class AuditChainKeySource
{
    public const string ConfigurationKey = "Indgang:Audit:ChainKey";
    public const string DevelopmentKeyFile = "audit-chain.key";

    public static AuditChainKey Resolve(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return AuditChainKey.FromBase64(configured);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{ConfigurationKey} is not usable: {e.Message} Set it to base64 of at least {AuditChainKey.MinimumLength} random bytes (openssl rand -base64 32).", e);
            }
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not set. In Production the audit log's hashes are keyed with a secret kept outside the database; " +
                $"set it to base64 of at least {AuditChainKey.MinimumLength} random bytes (openssl rand -base64 32), keep it apart from the database and its backups, and never change it.");
        }

        var path = Path.Combine(DataServiceExtensions.DataDirectory(configuration, environment), DevelopmentKeyFile);
        var key = ReadOrCreate(path);
        LogDevelopmentKey(logger, path);
        return key;
    }

    /// <summary>
    /// The key in the file, or a new one written there. Made under an exclusive lock on <c>{path}.lock</c>, written whole
    /// under another name and then renamed into place: a second process starting on the same data folder at the same
    /// moment waits, then reads the key the first made; one that finds the file reads it whole, never half-written.
    /// </summary>
    internal static AuditChainKey ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return AuditChainKey.FromBase64(File.ReadAllText(path));
        }

        using var held = Lock($"{path}.lock");
        if (File.Exists(path))
        {
            return AuditChainKey.FromBase64(File.ReadAllText(path));
        }

        var key = AuditChainKey.Generate();
        var written = $"{path}.new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(written, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ToBase64());
            // On the disk before it is renamed into place: after a power cut the file is the whole key or not there.
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(written, path);
        return key;
    }

    /// <summary>The lock file opened for this process alone, waiting up to ten seconds for another that has it.</summary>
    private static FileStream Lock(string lockPath)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(20);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indgang:Audit:ChainKey is not set; the audit chain is keyed with the key in {Path} (not for Production).")]
    private static partial void LogDevelopmentKey(ILogger logger, string path);
}
