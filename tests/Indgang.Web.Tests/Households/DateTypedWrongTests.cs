using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A day typed in a date field where the browser gives a plain text field (or posted by a program) is read as people
/// write it in Danish, day first with a four-digit year, as well as the date field's own 2026-12-24
/// (<see cref="Platform.DateField"/>); what is no day is refused beside the field by saying how to write one, what was
/// typed kept, instead of model binding's »Værdien '2026-13-01' er ikke gyldig.«. A two-digit year is not guessed.
/// </summary>
public sealed class DateTypedWrongTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly Came = Today.AddDays(-10);

    [Theory]
    [InlineData("2026-13-01", "Datomåned")]
    [InlineData("1-2-26", "Datoårstal")]
    [InlineData("i går", "Datoord")]
    public async Task DeadlineMetOnNoDay_IsRefusedBesideTheField_SayingHowToWriteADay_TypedKept(string typed, string lastName)
    {
        var (household, person) = await factory.RegisterQuotaRefugeeAsync(lastName, Came);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = typed });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var page = Parser.ParseDocument(refused.Html);
        Assert.Equal($"Fejl: »{typed}« er ikke en dato. Skriv datoen som dd-mm-åååå, fx 24-12-2026.", page.GetElementById("CompletedOn-error")?.TextContent);
        Assert.Equal([($"»{typed}« er ikke en dato. Skriv datoen som dd-mm-åååå, fx 24-12-2026.", "#CompletedOn")],
            page.QuerySelectorAll(".alert-error li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))));
        Assert.Equal(typed, page.GetElementById("CompletedOn")?.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.DeadlineCompletions.AnyAsync(c => c.PersonId == person)));
    }

    [Theory]
    [InlineData("dd-MM-yyyy", "Datobindestreg")]
    [InlineData("d.M.yyyy", "Datopunktum")]
    [InlineData("dd/MM/yyyy", "Datoskråstreg")]
    [InlineData("yyyy-MM-dd", "Datofelt")]
    public async Task DeadlineMetOnADayWrittenTheDanishWay_IsSavedAsThatDay(string format, string lastName)
    {
        var (household, person) = await factory.RegisterQuotaRefugeeAsync(lastName, Came);
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";
        var typed = Came.ToString(format, System.Globalization.CultureInfo.InvariantCulture);

        var saved = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(Came, await factory.QueryAsync(db => db.DeadlineCompletions.Where(c => c.PersonId == person).Select(c => c.CompletedOn).SingleAsync()));
    }

    [Fact]
    public async Task NoDay_InEnglish_SaysHowToWriteADayInEnglish()
    {
        var (household, person) = await factory.RegisterQuotaRefugeeAsync("Datoengelsk", Came);
        using var coordinator = await Browser.SignedInEnglishAsync(factory, "koordinator");
        var url = $"/Households/{household}/Deadline?personId={person}&kind=ProgrammeStart";

        var refused = await (await OpenedForm.OpenAsync(coordinator, url)).PostAsync(new Dictionary<string, string> { ["CompletedOn"] = "yesterday" });

        Assert.Equal("Error: »yesterday« is not a date. Write the date as dd-mm-yyyy, for example 24-12-2026.",
            Parser.ParseDocument(refused.Html).GetElementById("CompletedOn-error")?.TextContent);
    }
}
