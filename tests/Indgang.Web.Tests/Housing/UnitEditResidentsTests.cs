using System.Globalization;
using System.Net;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>Editing a unit: two editors at once, and the facts that may not change over its residents' heads (HOUSE-1).</summary>
public sealed class UnitEditResidentsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;

    [Fact]
    public async Task Edit_TwoEditorsFromTheSameVersion_TheSecondIsRefusedAndTheFirstKept()
    {
        var unit = await UnitAsync("Lejlighed 1");
        using var first = await Browser.SignedInAsync(factory, "bolig");
        using var second = await Browser.SignedInAsync(factory, "bolig");

        using var rent = await PostAsync(first, unit, form => form["Input.MonthlyRent"] = "4400");
        using var beds = await PostAsync(second, unit, form => form["Input.Beds"] = "6");

        Assert.Equal(HttpStatusCode.Redirect, rent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, beds.StatusCode);
        Assert.Contains("Boligen er ændret af en anden", WebUtility.HtmlDecode(await beds.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var kept = await UnitAsync("Lejlighed 1");
        Assert.Equal(4400m, kept.MonthlyRent);
        Assert.Equal(unit.Beds, kept.Beds);
    }

    [Fact]
    public async Task Edit_HouseholdLeavingLater_FreeDayEarlierAndFewerBedsAreRefused()
    {
        // A family of three in Pavillon C from its free day, with an agreed move out 30 days after; the next household
        // of two moves in on that day.
        var pavilion = await UnitAsync("Pavillon C");
        var movedIn = pavilion.AvailableFrom;
        var family = await factory.RegisterFamilyAsync("Fraflytter");
        await factory.MovedInAsync(pavilion.Id, family, movedIn);
        var stay = await factory.QueryAsync(db => db.Occupancies.SingleAsync(o => o.HouseholdId == family));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moves = scope.ServiceProvider.GetRequiredService<HousingMoves>();
            Assert.True((await moves.MoveOutAsync(stay.Id, movedIn.AddDays(30), MoveOutDestination.OtherMunicipalUnit)).Succeeded);
        }

        var unit = await UnitAsync("Pavillon C");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var response = await PostAsync(housing, unit, form =>
        {
            form["Input.AvailableFrom"] = Arrivals.Iso(movedIn.AddDays(10));
            form["Input.Beds"] = "2";
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // The counts already show the beds free (the move out is agreed), but the family lives there until then.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_AvailableFrom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("En beboer flytter først ud", html, StringComparison.Ordinal);
        Assert.Contains("Der bor 3 personer i boligen på én gang; der kan ikke være færre senge.", html, StringComparison.Ordinal);
        var kept = await UnitAsync("Pavillon C");
        Assert.Equal(movedIn.AddDays(30), kept.AvailableFrom);
        Assert.Equal(4, kept.Beds);

        // Other facts can still be edited.
        using var rent = await PostAsync(housing, kept, form => form["Input.MonthlyRent"] = "2500");
        Assert.Equal(HttpStatusCode.Redirect, rent.StatusCode);
    }

    [Fact]
    public async Task Edit_LabelAndBlockReasonTooLong_AreRefusedBesideTheFields()
    {
        var unit = await UnitAsync("Pavillon A");
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        using var response = await PostAsync(housing, unit, form =>
        {
            form["Input.Label"] = new string('A', UnitInput.LabelMaxLength + 1);
            form["Input.BlockedReason"] = new string('b', UnitInput.BlockedReasonMaxLength + 1);
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Betegnelsen må højst være 100 tegn.", html, StringComparison.Ordinal);
        Assert.Contains("Årsagen til spærringen må højst være 500 tegn.", html, StringComparison.Ordinal);
        Assert.Equal("Pavillon A", (await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == unit.Id))).Label);
    }

    [Fact]
    public async Task Edit_HouseholdMovedOut_FreeDayBeforeItLeftIsRefused_ItsDaySaved()
    {
        // A single adult lived here from 20 days ago until 5 days ago: a free day before that would let a move-in dated
        // back overlap the stay.
        var (unitId, _, stay) = await factory.HousedSingleAsync("Fraflyttet ledig 1", "Fraflyttetledig", daysAgo: 20);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, Today.AddDays(-5), MoveOutDestination.OtherMunicipalUnit);
            Assert.True(moved.Succeeded, moved.Error);
        }

        var unit = await UnitAsync("Fraflyttet ledig 1");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var refused = await PostAsync(housing, unit, form => form["Input.AvailableFrom"] = Arrivals.Iso(Today.AddDays(-10)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"Input_AvailableFrom-error\"><span class=\"sr-only\">Fejl: </span>Den seneste beboer flyttede ud "
            + Today.AddDays(-5).ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK")) + "; boligen kan ikke have været ledig før.", html, StringComparison.Ordinal);
        Assert.Equal(unit.AvailableFrom, (await UnitAsync("Fraflyttet ledig 1")).AvailableFrom);

        // The same refusal to a user who has chosen English: in English, the day written the English way.
        using var english = await Browser.SignedInEnglishAsync(factory, "bolig");
        using var inEnglish = await PostAsync(english, unit, form => form["Input.AvailableFrom"] = Arrivals.Iso(Today.AddDays(-10)));

        Assert.Contains("id=\"Input_AvailableFrom-error\"><span class=\"sr-only\">Error: </span>The last resident moved out on "
            + Today.AddDays(-5).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) + "; the unit cannot have been free before that.",
            WebUtility.HtmlDecode(await inEnglish.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var saved = await PostAsync(housing, unit, form => form["Input.AvailableFrom"] = Arrivals.Iso(Today.AddDays(-5)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Today.AddDays(-5), (await factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Id == unitId))).AvailableFrom);
    }

    /// <summary>The unit's edit form as the page shows it, with changes, posted from the version it was read at.</summary>
    internal static Task<HttpResponseMessage> PostAsync(Browser editor, HousingUnit unit, Action<Dictionary<string, string>> change)
    {
        var input = UnitInput.From(unit);
        var form = new Dictionary<string, string>
        {
            ["Version"] = ShownVersion.Of(input).ToString(), ["Input.SiteId"] = input.SiteId.ToString()!, ["Input.Label"] = input.Label!,
            ["Input.Rooms"] = input.Rooms!.Value.ToString(CultureInfo.InvariantCulture), ["Input.Beds"] = input.Beds!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.MonthlyRent"] = input.MonthlyRent!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.StepFree"] = input.StepFree ? "true" : "false", ["Input.IsPermanent"] = input.IsPermanent ? "true" : "false", ["Input.IsSharedRoom"] = input.IsSharedRoom ? "true" : "false",
            ["Input.TransportMetres"] = input.TransportMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.SchoolMetres"] = input.SchoolMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.DaycareMetres"] = input.DaycareMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.ShopsMetres"] = input.ShopsMetres!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.AvailableFrom"] = Arrivals.Iso(input.AvailableFrom!.Value), ["Input.BlockedReason"] = input.BlockedReason ?? "",
        };
        change(form);
        return editor.PostFormAsync($"/Housing/Units/Edit/{unit.Id}", form, formPage: $"/Housing/Units/Edit/{unit.Id}");
    }

    private Task<HousingUnit> UnitAsync(string label) => factory.QueryAsync(db => db.HousingUnits.AsNoTracking().SingleAsync(u => u.Label == label));
}
