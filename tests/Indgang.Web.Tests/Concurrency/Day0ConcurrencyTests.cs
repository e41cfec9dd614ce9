using System.Globalization;
using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two coordinators change one person's day 0: the one who saves second, from a form opened before the other saved, is
/// not silently saved over the other, but shown the other's day 0 and reason beside their own, and saves theirs by
/// pressing Gem again; pressing Gem at the same moment saves one and shows it to the other.
/// </summary>
public sealed class Day0ConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Message = "Dag 0 er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme din ændring i stedet.";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task ChangedByAnotherWhileEditing_TheirDayAndReasonShownBesideMine_SavingAgainSavesMine()
    {
        var (household, person) = await factory.AdultAsync("Dagnulrettelse");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        var bSaved = await (await OpenedForm.OpenAsync(b, Url(household, person))).PostAsync(Typed(Today.AddDays(-20), "Samtykke givet på mødet"));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.Status);

        var conflict = await formA.PostAsync(Typed(Today.AddDays(-25), "Tidligere overtagelse"));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Date\" type=\"date\" value=\"{Iso(Today.AddDays(-25))}\"", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Date-saved\">Gemt af en anden: {Today.AddDays(-20).ToString("d. MMMM yyyy", Danish)}</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-saved\">Gemt af en anden: Samtykke givet på mødet</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(-20), await StoredAsync(person));

        var again = await OpenedForm.Of(a, Url(household, person), conflict.Html).PostAsync(Typed(Today.AddDays(-25), "Tidligere overtagelse"));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(Today.AddDays(-25), await StoredAsync(person));
    }

    [Fact]
    public async Task TwoChangeDay0AtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var (household, person) = await factory.AdultAsync("Dagnulsamtidig");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        var formB = await OpenedForm.OpenAsync(b, Url(household, person));

        var results = await Task.WhenAll(formA.PostAsync(Typed(Today.AddDays(-21), "A's grund")), formB.PostAsync(Typed(Today.AddDays(-22), "B's grund")));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Message}</li>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(winner == 0 ? -21 : -22), await StoredAsync(person));
    }

    [Fact]
    public async Task NameCorrectedByAnotherWhileEditing_NoConflict_Day0SavedAtOnce()
    {
        var (household, person) = await factory.AdultAsync("Dagnulnavn");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        await b.CorrectFirstNameAsync(person, "Samtidigg", "Dagnulnavn", "Female");

        var saved = await formA.PostAsync(Typed(Today.AddDays(-20), "Samtykke givet på mødet"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(Today.AddDays(-20), await StoredAsync(person));
        Assert.Equal("Samtidigg", await factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.FirstName).SingleAsync()));
    }

    private static string Url(Guid household, Guid person) => $"/Households/{household}/Day0?personId={person}";

    private static Dictionary<string, string> Typed(DateOnly date, string reason) => new() { ["Date"] = Iso(date), ["Reason"] = reason, ["UseComputed"] = "false" };

    private Task<DateOnly?> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.Where(p => p.Id == person).Select(p => p.Day0Override).SingleAsync());
}
