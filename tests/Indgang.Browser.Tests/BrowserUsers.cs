using Microsoft.Playwright;

namespace Indgang.Browser.Tests;

/// <summary>
/// The browser contexts of one multi-user test (see <see cref="BrowserFixture.RunWithUsersAsync"/>):
/// each <see cref="NewPageAsync"/> is another person at another computer, with cookies of their own.
/// </summary>
public sealed class BrowserUsers
{
    private readonly BrowserFixture _fixture;
    private readonly string _testName;
    private readonly List<IBrowserContext> _contexts = [];

    internal BrowserUsers(BrowserFixture fixture, string testName)
    {
        _fixture = fixture;
        _testName = testName;
    }

    /// <summary>A page in a new Danish browser context, signed in as nobody yet.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _fixture.NewTracedContextAsync($"{_testName} ({_contexts.Count + 1})");
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    internal async Task CloseAsync(bool keepTraces)
    {
        for (var i = 0; i < _contexts.Count; i++)
        {
            if (keepTraces)
            {
                await BrowserFixture.SaveTraceAsync(_contexts[i], $"{_testName}-{i + 1}");
            }
            else
            {
                await _contexts[i].Tracing.StopAsync();
            }

            await _contexts[i].DisposeAsync();
        }

        _contexts.Clear();
    }
}
