using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A CPR number recorded after registration (<c>/Households/{id}/Cpr</c>) whose gender is not the one recorded by hand is
/// refused beside the number, with what was typed kept and nothing saved, as registration refuses it; before, the person
/// took the number's gender without a word (Person.AssignCpr: a man recorded with 040391-1234 became »Kvinde«). A gender
/// that came from a number recorded before follows the number that replaces it (the gender follows the number, and the
/// person's page sends a wrong gender here), and the household's page says so.
/// </summary>
public sealed class CprGenderLaterTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Record_AWomansNumberForAManRecordedWithout_IsRefusedBesideTheNumber_NothingSaved_HisOwnIsSaved()
    {
        var (household, person) = await ArrivedAsync("Kønsenere", cpr: null);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Cpr?personId={person}";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["Cpr"] = "040391-1234", ["RegisteredOn"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: {CprMessages.NumberNotTheGender}", page.GetElementById("Cpr-error")?.TextContent);
        Assert.Equal(CprMessages.NumberNotTheGender, page.QuerySelector("a[href='#Cpr']")?.TextContent);
        Assert.Equal("040391-1234", page.GetElementById("Cpr")?.GetAttribute("value"));
        var stored = await StoredAsync(person);
        Assert.Equal((null, Gender.Male), (stored.Cpr, stored.Gender));

        var saved = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["Cpr"] = "040391-1235", ["RegisteredOn"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        stored = await StoredAsync(person);
        Assert.Equal(("0403911235", Gender.Male), (stored.Cpr?.Digits, stored.Gender));
    }

    [Fact]
    public async Task Replace_ANumberByOneOfTheOtherGender_TheGenderFollows_AndTheHouseholdsPageSaysSo()
    {
        var (household, person) = await ArrivedAsync("Kønsnummer", cpr: "050391-1237");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Cpr?personId={person}";
        var form = await OpenedForm.OpenAsync(coordinator, url);

        using var saved = await coordinator.PostFormAsync(url, [.. form.Hidden, new("Cpr", "050391-1238"), new("RegisteredOn", "")], formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync(person);
        Assert.Equal(("0503911238", Gender.Female), (stored.Cpr?.Digits, stored.Gender));
        var told = saved.Headers.Location!.OriginalString;
        Assert.StartsWith($"/Households/{household}?", told, StringComparison.Ordinal);
        var page = Parser.ParseDocument(await coordinator.GetPageAsync(told));
        Assert.Equal("Kønnet for Kvote Kønsnummer er ændret til »Kvinde«, som det nye CPR-nummer angiver. Er nummeret forkert, så ret det igen under CPR-nummer.",
            page.QuerySelector("[data-testid=gender-followed-cpr]")?.TextContent.Trim());
        Assert.Null(Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}")).QuerySelector("[data-testid=gender-followed-cpr]"));
    }

    private Task<Person> StoredAsync(Guid person) => factory.QueryAsync(db => db.Persons.AsNoTracking().SingleAsync(p => p.Id == person));

    /// <summary>A man born 4 or 5 March 1991 (as the number has it), registered with or without a CPR number, who came 20 days ago.</summary>
    private async Task<(Guid Household, Guid Person)> ArrivedAsync(string lastName, string? cpr)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Today.AddDays(-20),
            [new ArrivalMember("Kvote", lastName, new DateOnly(1991, 3, cpr is null ? 4 : 5), Gender.Male, ResidenceBasis.QuotaRefugee, Cpr: cpr)]));
        return (household, await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync()));
    }
}
