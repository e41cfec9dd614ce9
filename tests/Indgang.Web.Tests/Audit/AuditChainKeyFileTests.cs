using Indgang.Domain.Audit;
using Indgang.Web.Audit;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// The audit chain's key kept in the data folder outside Production (<see cref="AuditChainKeySource"/>): made once, and
/// the same key to every process that starts on the folder, also to several starting at the same moment (before, one of
/// them could read the file while the other was still writing it, and fail to start on an empty key).
/// </summary>
public sealed class AuditChainKeyFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("indgang-key-").FullName;

    private string KeyFile => Path.Combine(folder, AuditChainKeySource.DevelopmentKeyFile);

    [Fact]
    public async Task ManyStartingAtOnce_AllGetTheKeyInTheFile_AndNoHalfWrittenFileIsLeft()
    {
        using var start = new Barrier(16);
        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return AuditChainKeySource.ReadOrCreate(KeyFile).ToBase64();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.Single(keys.Distinct(StringComparer.Ordinal));
        Assert.Equal(keys[0], File.ReadAllText(KeyFile));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => f.EndsWith(".new", StringComparison.Ordinal));
    }

    [Fact]
    public void AKeyFileThere_IsReadAndKept()
    {
        var kept = AuditChainKey.Generate().ToBase64();
        File.WriteAllText(KeyFile, kept);

        Assert.Equal(kept, AuditChainKeySource.ReadOrCreate(KeyFile).ToBase64());
        Assert.Equal(kept, File.ReadAllText(KeyFile));
    }

    [Fact]
    public void NoKeyFile_OneIsMade_ReadableByItsOwnerOnly()
    {
        var made = AuditChainKeySource.ReadOrCreate(KeyFile).ToBase64();

        Assert.Equal(made, File.ReadAllText(KeyFile));
        Assert.Equal(made, AuditChainKeySource.ReadOrCreate(KeyFile).ToBase64());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
