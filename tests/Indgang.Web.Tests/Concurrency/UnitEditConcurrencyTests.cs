using System.Globalization;
using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The unit's edit form guards the facts it shows, not the unit's version, which changes with every move in or out: a
/// household moved in by another while the form was open does not stop the save (nothing the form shows changed), and
/// the move's bed counts are kept; facts saved by another still do, also when both press Gem at the same moment.
/// </summary>
public sealed class UnitEditConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Conflict = "Boligen er ændret af en anden, mens du rettede den.";

    [Fact]
    public async Task HouseholdMovedInByAnotherWhileEditing_TheFactsAreSaved_WithoutAConflict_TheBedsStayTaken()
    {
        var unit = await NewRoomAsync("Indflytningsværelse");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(a, Url(unit.Id));
        await factory.MovedInAsync(unit.Id, await factory.RegisterSingleAsync("Indflytter"), Arrivals.Today);

        var saved = await form.PostAsync(Typed(unit, f => f["Input.MonthlyRent"] = "1950"));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        var after = await UnitAsync(unit.Id);
        Assert.Equal((1950m, 1, 1), (after.MonthlyRent, after.OccupiedBeds, after.OccupyingHouseholds));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.HousingUnitChanged && e.Details!.StartsWith(unit.Id.ToString()))));
    }

    [Fact]
    public async Task RentSavedByAnotherAfterAMoveIn_StillAConflict_TheirRentShown()
    {
        var unit = await NewRoomAsync("Lejeværelse");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var form = await OpenedForm.OpenAsync(a, Url(unit.Id));
        await factory.MovedInAsync(unit.Id, await factory.RegisterSingleAsync("Lejer"), Arrivals.Today);
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(unit.Id))).PostAsync(Typed(unit, f => f["Input.MonthlyRent"] = "2000"))).Status);

        var conflict = await form.PostAsync(Typed(unit, f => f["Input.MonthlyRent"] = "1700"));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Conflict}", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_MonthlyRent-saved\">Gemt af en anden: 2.000</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(2000m, (await UnitAsync(unit.Id)).MonthlyRent);
    }

    [Fact]
    public async Task TwoSaveAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var unit = await NewRoomAsync("Samtidigværelse");
        using var a = await Browser.SignedInAsync(factory, "bolig");
        using var b = await Browser.SignedInAsync(factory, "bolig");
        var formA = await OpenedForm.OpenAsync(a, Url(unit.Id));
        var formB = await OpenedForm.OpenAsync(b, Url(unit.Id));
        decimal[] rents = [2100m, 2300m];

        var results = await Task.WhenAll(
            formA.PostAsync(Typed(unit, f => f["Input.MonthlyRent"] = "2100")),
            formB.PostAsync(Typed(unit, f => f["Input.MonthlyRent"] = "2300")));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Conflict}", loser.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Input_MonthlyRent-saved\">Gemt af en anden: {rents[winner].ToString("N0", CultureInfo.GetCultureInfo("da-DK"))}</span>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(rents[winner], (await UnitAsync(unit.Id)).MonthlyRent);
    }

    private static string Url(Guid unit) => $"/Housing/Units/Edit/{unit}";

    /// <summary>The unit's fields as the form shows them, with changes typed.</summary>
    private static Dictionary<string, string> Typed(HousingUnit unit, Action<Dictionary<string, string>> change)
    {
        var input = UnitInput.From(unit);
        var form = new Dictionary<string, string>
        {
            ["Input.SiteId"] = input.SiteId.ToString()!, ["Input.Label"] = input.Label!,
            ["Input.Rooms"] = input.Rooms!.Value.ToString(CultureInfo.InvariantCulture), ["Input.Beds"] = input.Beds!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.MonthlyRent"] = input.MonthlyRent!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.TransportMetres"] = input.TransportMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.SchoolMetres"] = input.SchoolMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.DaycareMetres"] = input.DaycareMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.ShopsMetres"] = input.ShopsMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.AvailableFrom"] = Arrivals.Iso(input.AvailableFrom!.Value), ["Input.BlockedReason"] = input.BlockedReason ?? "",
        };
        change(form);
        return form;
    }

    private async Task<HousingUnit> NewRoomAsync(string label)
    {
        await factory.AddSingleRoomsAsync(label, 1);
        return await UnitAsync(await factory.UnitIdAsync($"{label} 1"));
    }

    private Task<HousingUnit> UnitAsync(Guid id) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == id));
}
