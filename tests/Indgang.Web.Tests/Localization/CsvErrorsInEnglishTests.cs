using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// The rows of an imported file refused in the user's language (PLAT-5): what was typed and the column are put into an
/// English message for a user who has chosen English. Before, the housing import showed its errors in Danish always,
/// and both imports wrote the messages that name a value in Danish.
/// </summary>
public sealed class CsvErrorsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string UnitHeader = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from\n";
    private const string ArrivalHeader = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\n";

    [Fact]
    public async Task UnitImport_BrokenRows_EnglishChosen_EachRowRefusedInEnglish_NothingSaved()
    {
        var before = await factory.QueryAsync(db => db.HousingUnits.CountAsync());
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        var html = await UploadAsync(housing, "/Housing/Units/Import", UnitHeader +
            "Findes Ikke;Engelsk 1;nej;2;3;nej;2400;ja;ja;nej;1;1;1;1;nej;2026-12-01\n" +
            "Delebolig Lynge;Engelsk 2;nej;1;mange;måske;2,400;ja;ja;nej;1500;1200;1300;600;nej;2026-12-01\n");

        Assert.Contains("<tr data-row=\"2\"><td>2</td><td>The housing site “Findes Ikke” does not exist. Create it first, or correct the name.</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>“mange” in the column beds is not a whole number.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>“måske” in the column shared_room must be yes or no.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>“2,400” in the column monthly_rent is not an amount in kroner. Write for example 4520, 4.520 or 4.520,50 (a point between the thousands, a comma before the øre).</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("i kolonnen", html, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.HousingUnits.CountAsync()));
    }

    [Fact]
    public async Task ArrivalImport_BrokenRows_EnglishChosen_EachRowRefusedInEnglish()
    {
        using var coordinator = await Browser.SignedInEnglishAsync(factory, "koordinator");

        var html = await UploadAsync(coordinator, "/Reception/Import", ArrivalHeader +
            "A;Amal;Engelskcsv;1988-04-02;hun;visiteret;;Syrien;arabisk;ja;;2026-09-15;2026-11-01\n" +
            "A;Sami;Engelskcsv;engang;mand;visiteret;fætter;Syrien;arabisk;nej;;2026-09-15;2026-11-01\n");

        Assert.Contains("<td>“hun” is not a gender (female, male or unknown).</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>“engang” in the column birth_date is not a date (use YYYY-MM-DD).</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>“fætter” is not a relation (spouse, child, parent, sibling or custodian).</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("er ikke", html, StringComparison.Ordinal);
        Assert.Empty(await factory.QueryAsync(db => db.Persons.Where(p => p.LastName == "Engelskcsv").ToListAsync()));
    }

    /// <summary>The file uploaded; the page shown back, decoded.</summary>
    private static Task<string> UploadAsync(Browser browser, string url, string csv) => browser.UploadCsvAsync(url, csv, "fil.csv");
}
