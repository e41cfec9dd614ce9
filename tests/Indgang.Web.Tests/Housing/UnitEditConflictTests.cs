using System.Globalization;
using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Two people edit one unit: the one who saves second sees what the first saved beside the fields (text, number,
/// date, box), keeps what they typed, and saves over it by pressing Gem again; a unit deleted meanwhile is said to be so.
/// </summary>
public sealed class UnitEditConflictTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task SavedByAnotherWhileEditing_TheirValuesShownBesideMineKept_SavingAgainSavesMine()
    {
        var unit = await NewUnitAsync("Konfliktbolig");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(unit.Id)), "Version");
        var bFree = Arrivals.Today.AddDays(20);
        using var bSaved = await b.PostFormAsync(Url(unit.Id), Form(unit, FormVersion(unit), f =>
        {
            f["Input.MonthlyRent"] = "4400";
            f["Input.StepFree"] = "true";
            f["Input.AvailableFrom"] = Arrivals.Iso(bFree);
        }));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.StatusCode);
        var afterB = await UnitAsync(unit.Id);

        using var conflict = await a.PostFormAsync(Url(unit.Id), Form(unit, opened, f =>
        {
            f["Input.Label"] = "Konfliktbolig A";
            f["Input.MonthlyRent"] = "3900";
        }));
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("<li>Boligen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem bolig« igen for at gemme dine værdier i stedet.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Konfliktbolig A\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"3900\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_Label-saved\">Gemt af en anden: Konfliktbolig</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_MonthlyRent-saved\">Gemt af en anden: 4.400</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"form-hint\" id=\"Input_AvailableFrom-saved\">Gemt af en anden: {bFree.ToString("d. MMMM yyyy", Danish)}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"form-hint\" id=\"Input_StepFree-saved\">Gemt af en anden: Ja</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_StepFree\" name=\"Input.StepFree\" value=\"true\" aria-describedby=\"Input_StepFree-saved\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input_Beds-saved", html, StringComparison.Ordinal);
        Assert.Equal(FormVersion(afterB), HiddenFields.Value(html, "Version"));
        Assert.Equal(4400m, (await UnitAsync(unit.Id)).MonthlyRent);

        using var again = await a.PostFormAsync(Url(unit.Id), Form(unit, HiddenFields.Value(html, "Version"), f =>
        {
            f["Input.Label"] = "Konfliktbolig A";
            f["Input.MonthlyRent"] = "3900";
        }));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var saved = await UnitAsync(unit.Id);
        Assert.Equal(("Konfliktbolig A", 3900m, false, unit.AvailableFrom), (saved.Label, saved.MonthlyRent, saved.StepFree, saved.AvailableFrom));
    }

    [Fact]
    public async Task DeletedWhileEditing_SaidSoWithWhatWasTypedKept_Not500()
    {
        var unit = await NewUnitAsync("Forsvundet bolig");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(unit.Id)), "Version");
        await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit.Id).ExecuteDeleteAsync());

        using var response = await a.PostFormAsync(Url(unit.Id), Form(unit, opened, f => f["Input.Label"] = "Forsvundet bolig – rettet"), formPage: "/Housing");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<li>Boligen er slettet af en anden, mens du rettede den. Det, du har skrevet, er ikke gemt.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Forsvundet bolig – rettet\"", html, StringComparison.Ordinal);
    }

    private static string Url(Guid unit) => $"/Housing/Units/Edit/{unit}";

    /// <summary>The version the form has when opened on the unit as it is (the facts it shows).</summary>
    private static string FormVersion(HousingUnit unit) => ShownVersion.Of(UnitInput.From(unit)).ToString();

    /// <summary>The unit's form as the page shows it, with changes.</summary>
    private static Dictionary<string, string> Form(HousingUnit unit, string version, Action<Dictionary<string, string>> change)
    {
        var form = new Dictionary<string, string>
        {
            ["Version"] = version, ["Input.SiteId"] = unit.SiteId.ToString(), ["Input.Label"] = unit.Label,
            ["Input.Rooms"] = unit.Rooms.ToString(CultureInfo.InvariantCulture), ["Input.Beds"] = unit.Beds.ToString(CultureInfo.InvariantCulture),
            ["Input.MonthlyRent"] = unit.MonthlyRent.ToString(CultureInfo.InvariantCulture),
            ["Input.SchoolMetres"] = unit.SchoolMetres.ToString(CultureInfo.InvariantCulture), ["Input.TransportMetres"] = "0",
            ["Input.DaycareMetres"] = "0", ["Input.ShopsMetres"] = "0", ["Input.AvailableFrom"] = Arrivals.Iso(unit.AvailableFrom),
        };
        change(form);
        return form;
    }

    private async Task<HousingUnit> NewUnitAsync(string label)
    {
        await factory.AddSingleRoomsAsync(label, 1);
        var unit = await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Label == $"{label} 1"));
        await factory.QueryAsync(db => db.HousingUnits.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Label, label)));
        return await UnitAsync(unit.Id);
    }

    private Task<HousingUnit> UnitAsync(Guid id) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == id));
}
