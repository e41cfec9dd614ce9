using Indgang.Domain.Housing;
using Indgang.Web.Data.Sqlite;
using Indgang.Web.Platform.Forms;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The retry shared by the edit pages (<see cref="SaveAttempts"/>): an attempt refused for a change at the same moment
/// runs again with nothing tracked from before, at most <see cref="ShownVersion.Attempts"/> times, and then the page's
/// own answer for a save still refused is given.
/// </summary>
public sealed class SaveAttemptsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(ShownVersion.Attempts)]
    public async Task AnsweredOnAnAttempt_ThatAnswerIsGiven_AfterThatManyAttempts(int answeredOn)
    {
        await using var db = NewContext();
        var attempts = 0;
        var trackedAtStart = new List<int>();

        var answer = await db.UntilAnsweredAsync(
            () =>
            {
                attempts++;
                trackedAtStart.Add(db.ChangeTracker.Entries().Count());
                db.Add(new HousingSite("Pavillonerne", SiteKind.Pavilion, Guid.NewGuid(), null));
                return Task.FromResult(attempts == answeredOn ? $"gemt ved forsøg {attempts}" : null);
            },
            () => Task.FromResult("stadig afvist"));

        Assert.Equal($"gemt ved forsøg {answeredOn}", answer);
        Assert.Equal(answeredOn, attempts);
        Assert.All(trackedAtStart, tracked => Assert.Equal(0, tracked));
    }

    [Fact]
    public async Task RefusedEveryTime_ThePagesAnswerForAConflict_AfterTheLastAttempt()
    {
        await using var db = NewContext();
        var attempts = 0;
        var stillRefusedAfter = -1;

        var answer = await db.UntilAnsweredAsync(
            () =>
            {
                attempts++;
                return Task.FromResult<string?>(null);
            },
            () =>
            {
                stillRefusedAfter = attempts;
                return Task.FromResult("stadig afvist");
            });

        Assert.Equal("stadig afvist", answer);
        Assert.Equal(ShownVersion.Attempts, stillRefusedAfter);
    }

    /// <summary>A context that never opens its connection: the retry only forgets what it tracks.</summary>
    private static SqliteIndgangDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteIndgangDbContext>().UseSqlite("Data Source=:memory:").Options);
}
