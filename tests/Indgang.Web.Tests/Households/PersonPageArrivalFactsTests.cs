using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// What the coordinator typed on the arrival form about a member — the residence basis, the languages, the need of an
/// interpreter and of step-free access — is shown on the person's page: before, it was saved and shown nowhere, so the
/// one who met the person could not see which interpreter to book.
/// </summary>
public sealed class PersonPageArrivalFactsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task ThePersonPage_ShowsBasisLanguagesInterpreterAndAccessibleHousing()
    {
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Arrivals.Family("Sprogsiden");
        form["Input.Members[0].Languages"] = "dari, engelsk";
        form["Input.Members[0].NeedsInterpreter"] = "true";
        form["Input.Members[0].NeedsAccessibleHousing"] = "true";
        using var registered = await coordinator.PostFormAsync("/Reception/Register", form);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var (speaker, other) = await factory.QueryAsync(async db => (
            await db.Persons.Where(p => p.LastName == "Sprogsiden" && p.FirstName == "Yusuf").Select(p => p.Id).SingleAsync(),
            await db.Persons.Where(p => p.LastName == "Sprogsiden" && p.FirstName == "Huda").Select(p => p.Id).SingleAsync()));

        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{speaker}"));

        Assert.Equal("Flygtning (visiteret)", page.QuerySelector("[data-testid='basis']")?.TextContent);
        Assert.Equal("dari, engelsk", page.QuerySelector("[data-testid='languages']")?.TextContent);
        Assert.Equal("Har brug for tolk", page.QuerySelector("[data-testid='interpreter']")?.TextContent);
        Assert.Equal("Har brug for tilgængelig bolig (niveaufri adgang)", page.QuerySelector("[data-testid='accessible-housing']")?.TextContent);

        var without = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{other}"));
        Assert.Equal("–", without.QuerySelector("[data-testid='languages']")?.TextContent);
        Assert.Equal("Nej", without.QuerySelector("[data-testid='interpreter']")?.TextContent);
        Assert.Equal("Nej", without.QuerySelector("[data-testid='accessible-housing']")?.TextContent);

        // Sekretariatet, which has the household's tasks but not the health flag, sees the languages and the interpreter
        // need, not the need of step-free access (health data).
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var asSecretariat = Parser.ParseDocument(await secretariat.GetPageAsync($"/People/{speaker}"));
        Assert.Equal("Har brug for tolk", asSecretariat.QuerySelector("[data-testid='interpreter']")?.TextContent);
        Assert.Null(asSecretariat.QuerySelector("[data-testid='accessible-housing']"));
    }
}
