using System.Globalization;
using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WeightsPage = Indgang.Web.Features.Admin.PlacementWeights.IndexModel;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two administrators change the placement weights from forms opened before either saved: the second is not silently
/// saved over the first, but shown the weights the first changed beside their own values (which stay in the form), and
/// saves over them by pressing Gem vægte again; at the same moment, one new version is saved and the other is told.
/// </summary>
public sealed class PlacementWeightsConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    public const string Message = "Vægtene er ændret af en anden, mens du rettede dem. Ved de vægte, som den anden har ændret, står den værdi, der er gemt nu. Intet er gemt. Tryk »Gem vægte« igen for at gemme dine værdier.";
    private const string Url = "/Admin/PlacementWeights";

    [Fact]
    public async Task ChangedByAnotherWhileEditing_TheirValueShownBesideTheWeight_MineKept_SavingAgainSavesMine()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var shown = await CurrentAsync();
        var formA = await OpenedForm.OpenAsync(a, Url);
        var formB = await OpenedForm.OpenAsync(b, Url);
        var versions = await VersionsAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await formB.PostAsync(Typed(shown, ("WastedBed", shown.WastedBed + 11)))).Status);
        var mine = Typed(shown, ("Housed", shown.Housed + 7), ("KeepPrevious", shown.KeepPrevious + 3));
        var conflict = await formA.PostAsync(mine);

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        // Beside the weight the other changed, their value; the field keeps this user's value, described by the note.
        Assert.Contains($"<span class=\"form-hint\" id=\"Values_WastedBed_-saved\">Gemt af en anden: {Danish(shown.WastedBed + 11)}</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Values_WastedBed_\" name=\"Values[WastedBed]\" value=\"{shown.WastedBed}\" aria-describedby=\"Values_WastedBed_-saved\"", conflict.Html, StringComparison.Ordinal);
        // The weights only this user changed keep what they typed, with no note.
        Assert.Contains($"name=\"Values[Housed]\" value=\"{shown.Housed + 7}\"", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Values[KeepPrevious]\" value=\"{shown.KeepPrevious + 3}\"", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Values_Housed_-saved", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Values_KeepPrevious_-saved", conflict.Html, StringComparison.Ordinal);
        // Nothing of this user's is saved: the other's version stands.
        Assert.Equal(versions + 1, await VersionsAsync());
        var saved = await CurrentAsync();
        Assert.Equal((shown.WastedBed + 11, shown.Housed), (saved.WastedBed, saved.Housed));

        var again = await OpenedForm.Of(a, Url, conflict.Html).PostAsync(mine);

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(versions + 2, await VersionsAsync());
        Assert.Equal(shown with { Housed = shown.Housed + 7, KeepPrevious = shown.KeepPrevious + 3 }, await CurrentAsync());
    }

    [Fact]
    public async Task SavedByTwoAtOnce_OneNewVersion_TheOtherIsToldAndShownIt()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        using var b = await Browser.SignedInAsync(factory, "admin");
        var shown = await CurrentAsync();
        var formA = await OpenedForm.OpenAsync(a, Url);
        var formB = await OpenedForm.OpenAsync(b, Url);
        var versions = await VersionsAsync();

        var results = await Task.WhenAll(
            formA.PostAsync(Typed(shown, ("PerDayWaited", shown.PerDayWaited + 1))),
            formB.PostAsync(Typed(shown, ("PerDayWaited", shown.PerDayWaited + 2))));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Message}</li>", loser.Html, StringComparison.Ordinal);
        var saved = shown.PerDayWaited + (winner == 0 ? 1 : 2);
        Assert.Contains($"id=\"Values_PerDayWaited_-saved\">Gemt af en anden: {Danish(saved)}</span>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(versions + 1, await VersionsAsync());
        Assert.Equal(saved, (await CurrentAsync()).PerDayWaited);
    }

    [Fact]
    public async Task DoubleClick_SameValuesTwiceAtOnce_OneVersion_BothAnsweredAsSaved()
    {
        using var a = await Browser.SignedInAsync(factory, "admin");
        var shown = await CurrentAsync();
        var form = await OpenedForm.OpenAsync(a, Url);
        var versions = await VersionsAsync();
        var typed = Typed(shown, ("SchoolProximity", shown.SchoolProximity + 5));

        var results = await Task.WhenAll(form.PostAsync(typed), form.PostAsync(typed));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(versions + 1, await VersionsAsync());
        Assert.Equal(shown.SchoolProximity + 5, (await CurrentAsync()).SchoolProximity);
    }

    /// <summary>Every weight as the form shows it, with the user's changes.</summary>
    private static Dictionary<string, string> Typed(Indgang.Placement.PlacementWeights shown, params (string Name, int Value)[] changes)
    {
        var form = WeightsPage.Properties.ToDictionary(p => $"Values[{p.Name}]", p => ((int)p.GetValue(shown)!).ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in changes)
        {
            form[$"Values[{name}]"] = value.ToString(CultureInfo.InvariantCulture);
        }

        return form;
    }

    private static string Danish(int value) => value.ToString(CultureInfo.GetCultureInfo("da-DK"));

    private async Task<Indgang.Placement.PlacementWeights> CurrentAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementWeightsStore>().CurrentAsync();
    }

    private Task<int> VersionsAsync() => factory.QueryAsync(db => db.PlacementWeights.CountAsync());
}
