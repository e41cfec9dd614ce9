using System.Globalization;
using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// Two coordinators move one household's arrival: the one who saves second sees the other's date beside the field,
/// keeps theirs, and saves it by pressing Gem again, checked then against what is saved then.
/// </summary>
public sealed class ArrivalConflictTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task SavedByAnotherWhileEditing_TheirDateShownBesideMineKept_SavingAgainSavesMine()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Konfliktsen", expected);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(household)), "Version");
        using var bSaved = await b.PostFormAsync(Url(household), Form(HiddenFields.Value(await b.GetPageAsync(Url(household)), "Version"), expected.AddDays(5)));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.StatusCode);

        using var conflict = await a.PostFormAsync(Url(household), Form(opened, expected.AddDays(3)));
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("<li>Husstanden er ændret af en anden, mens du rettede ankomsten. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem« igen for at gemme dine datoer i stedet.</li>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"ExpectedArrival\" type=\"date\" value=\"{Iso(expected.AddDays(3))}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"form-hint\" id=\"ExpectedArrival-saved\">Gemt af en anden: {expected.AddDays(5).ToString("d. MMMM yyyy", Danish)}</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"ExpectedArrival-saved\"", html, StringComparison.Ordinal);
        // Neither of them recorded the arrival: nothing beside that field.
        Assert.DoesNotContain("ArrivedOn-saved", html, StringComparison.Ordinal);
        Assert.Equal(HiddenFields.Value(await b.GetPageAsync(Url(household)), "Version"), HiddenFields.Value(html, "Version"));
        Assert.Equal(expected.AddDays(5), await StoredAsync(household));

        using var again = await a.PostFormAsync(Url(household), Form(HiddenFields.Value(html, "Version"), expected.AddDays(3)));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(expected.AddDays(3), await StoredAsync(household));
    }

    [Fact]
    public async Task SavingAgainAfterAConflict_IsCheckedAgainstWhatIsSavedThen()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Indflytningskonflikt", expected);
        await factory.AddSingleRoomsAsync("Konfliktværelse", 1);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(household)), "Version");
        using var bSaved = await b.PostFormAsync(Url(household), Form(HiddenFields.Value(await b.GetPageAsync(Url(household)), "Version"), expected.AddDays(5)));
        using var conflict = await a.PostFormAsync(Url(household), Form(opened, expected.AddDays(8)));
        var version = HiddenFields.Value(WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync()), "Version");

        // Before A saves again, the housing coordinator plans a move-in before A's day.
        var moveIn = expected.AddDays(6);
        await factory.MovedInAsync(await factory.UnitIdAsync("Konfliktværelse 1"), household, moveIn);
        using var late = await a.PostFormAsync(Url(household), Form(version, expected.AddDays(8)));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains($"id=\"ExpectedArrival-error\"><span class=\"sr-only\">Fejl: </span>Husstanden skal flytte ind i Konfliktværelse 1 {DanishDates.Written(moveIn)}. Ankomsten kan ikke ligge efter indflytningen.",
            WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.NotEqual(expected.AddDays(8), await StoredAsync(household));
    }

    private static string Url(Guid household) => $"/Households/{household}/Arrival";

    private static Dictionary<string, string> Form(object version, DateOnly expected) => new()
    {
        ["ExpectedArrival"] = Iso(expected), ["ArrivedOn"] = "", ["Version"] = version.ToString()!,
    };

    private Task<DateOnly?> StoredAsync(Guid household) => factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync());

    private Task<Guid> RegisterAsync(string lastName, DateOnly expected) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, expected, [new ArrivalMember("Ny", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee)]));
}
