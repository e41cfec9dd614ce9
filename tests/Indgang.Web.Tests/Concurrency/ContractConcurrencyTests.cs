using System.Globalization;
using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two coordinators record one adult's signed integration contract: at the same moment, one is saved and the other is
/// shown it (no error page); from a form opened before the other saved, the second is shown the other's dates beside
/// their own, and saves theirs by pressing the button again.
/// </summary>
public sealed class ContractConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Message = "Underskrifterne er registreret af en anden, mens du rettede dem. De datoer, der er gemt nu, står ved de felter, hvor de er anderledes end det, du har skrevet. Tryk »Gem underskrifter« igen for at gemme dine datoer i stedet.";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task TwoRecordTheContractAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var (household, person) = await factory.AdultAsync("Kontraktsamtidig");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        var formB = await OpenedForm.OpenAsync(b, Url(household, person));

        var results = await Task.WhenAll(formA.PostAsync(Typed(Today.AddDays(-2), Today.AddDays(-2))), formB.PostAsync(Typed(Today.AddDays(-3), Today.AddDays(-3))));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Message}</li>", loser.Html, StringComparison.Ordinal);
        var stored = Assert.Single(await StoredAsync(person));
        Assert.Equal(Today.AddDays(winner == 0 ? -2 : -3), stored.Contract);
    }

    [Fact]
    public async Task ChangedByAnotherWhileEditing_TheirDatesShownBesideMine_SavingAgainSavesMine()
    {
        var (household, person) = await factory.AdultAsync("Kontraktrettelse");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household, person))).PostAsync(Typed(Today.AddDays(-9), Today.AddDays(-9)))).Status);
        var formA = await OpenedForm.OpenAsync(a, Url(household, person));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household, person))).PostAsync(Typed(Today.AddDays(-8), Today.AddDays(-9)))).Status);

        var conflict = await formA.PostAsync(Typed(Today.AddDays(-7), Today.AddDays(-9)));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Message}</li>", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"name=\"ContractSignedOn\" type=\"date\" value=\"{Iso(Today.AddDays(-7))}\"", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"ContractSignedOn-saved\">Gemt af en anden: {Today.AddDays(-8).ToString("d. MMMM yyyy", Danish)}</span>", conflict.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DeclarationSignedOn-saved", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(-8), Assert.Single(await StoredAsync(person)).Contract);

        var again = await OpenedForm.Of(a, Url(household, person), conflict.Html).PostAsync(Typed(Today.AddDays(-7), Today.AddDays(-9)));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(Today.AddDays(-7), Assert.Single(await StoredAsync(person)).Contract);
    }

    private static string Url(Guid household, Guid person) => $"/Households/{household}/Contract?personId={person}";

    private static Dictionary<string, string> Typed(DateOnly contract, DateOnly declaration) => new()
    {
        ["ContractSignedOn"] = Iso(contract), ["DeclarationSignedOn"] = Iso(declaration),
    };

    private async Task<List<(DateOnly? Contract, DateOnly? Declaration)>> StoredAsync(Guid person) =>
        (await factory.QueryAsync(db => db.IntegrationContracts.Where(c => c.PersonId == person).ToListAsync())).Select(c => (c.ContractSignedOn, c.DeclarationSignedOn)).ToList();
}
