using System.Net;
using System.Net.Http.Json;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Indgang.Web.Tests.Housing;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// The API's problem details in the language the user chose, title and detail as well as each field's message: before,
/// a client signed in with English chosen got English field messages under a Danish title ("Ugyldigt filter"), and the
/// refusal of a yes/no value, a missing version and an offer answered already were Danish whatever was chosen.
/// </summary>
public sealed class ApiProblemsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task UnitsFilter_YesNoValueThatCannotBeRead_EnglishChosen_IsRefusedInEnglish()
    {
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await housing.GetAsync(HousingApi.UnitsUrl(("stepFree", "måske"), ("minFreeBeds", "tre")));

        var (title, detail, errors) = await HousingApi.ValidationProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Invalid filter", "The filter cannot be read: correct the fields named."), (title, detail));
        Assert.Equal(["The value 'måske' is not valid."], errors["stepFree"]);
    }

    [Fact]
    public async Task Units_PageThatCannotBeRead_EnglishChosen_HasAnEnglishTitle_DanishOtherwise()
    {
        using var english = await Browser.SignedInEnglishAsync(factory, "bolig");
        using var danish = await Browser.SignedInAsync(factory, "bolig");

        using var inEnglish = await english.GetAsync(HousingApi.UnitsUrl(("page", "0")));
        using var inDanish = await danish.GetAsync(HousingApi.UnitsUrl(("page", "0")));

        Assert.Equal("Invalid page", (await HousingApi.ValidationProblemAsync(inEnglish)).Title);
        Assert.Equal("Ugyldig side", (await HousingApi.ValidationProblemAsync(inDanish)).Title);
    }

    [Fact]
    public async Task OfferCorrection_WithoutItsVersion_EnglishChosen_Is428InEnglish()
    {
        var offer = await OfferAsync("Engelskversion");
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        using var response = await housing.PutAsync($"/api/v1/housing/offers/{offer}", new { address = "Engvej 78", offeredOn = Iso(Arrivals.Today.AddDays(-5)), answerBy = Iso(Arrivals.Today.AddDays(10)) }, ifMatch: null);

        var problem = await HousingApi.ProblemAsync(response, (HttpStatusCode)428);
        Assert.Equal(("Version missing", "Send If-Match with the offer's ETag as it was read, so that the correction is not saved over someone else's."), problem);
    }

    [Fact]
    public async Task OfferAnsweredAlready_AnsweredOtherwise_EnglishChosen_Is409InEnglish()
    {
        var offer = await OfferAsync("Engelsksvar");
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");
        using var declined = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/decline", UriKind.Relative), new { reason = "For langt fra skolen" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        using var response = await housing.Client.PostAsJsonAsync(new Uri($"/api/v1/housing/offers/{offer}/acceptance", UriKind.Relative), new { moveDate = Iso(Arrivals.Today.AddDays(20)) });

        var problem = await HousingApi.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(("The offer cannot be answered", "The offer has already been answered, or it has just been changed by someone else. Read the offer again to see its status."), problem);
    }

    private async Task<Guid> OfferAsync(string name)
    {
        var (_, household, _) = await factory.HousedSingleAsync(name, name, daysAgo: 30);
        return await factory.QueryAsync(async db =>
        {
            var offered = db.HousingOffers.Add(new HousingOffer(household, "Engvej 77", Arrivals.Today.AddDays(-5))).Entity;
            await db.SaveChangesAsync();
            return offered.Id;
        });
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
