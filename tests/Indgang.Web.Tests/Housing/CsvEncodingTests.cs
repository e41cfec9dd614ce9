using System.Text;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// Excel on a Danish Windows saves "CSV (semikolonsepareret)" in Windows-1252, not UTF-8: the imports of units and of
/// arrivals read such a file with its Æ, Ø and Å (and €) as they were typed, and a UTF-8 file still as UTF-8.
/// </summary>
public sealed class CsvEncodingTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string UnitHeader = "site;label;permanent;rooms;beds;shared_room;monthly_rent;step_free;ground_floor;lift;transport_m;school_m;daycare_m;shops_m;vulnerable_area;available_from\r\n";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public async Task UnitImport_Windows1252File_FindsTheSiteWithØ_AndKeepsTheLabelsLetters()
    {
        var csv = UnitHeader + "Pavillonerne ved Lillerød Idrætscenter;Kodetabel Ærø – €;nej;2;3;nej;2400;ja;ja;nej;400;600;500;300;nej;2026-12-01\r\n";
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", Windows1252.GetBytes(csv), "boliger.csv");

        Assert.DoesNotContain("findes ikke", html, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Kodetabel Ærø – €")));
    }

    [Fact]
    public async Task UnitImport_Utf8FileWithByteOrderMark_IsStillReadAsUtf8()
    {
        var csv = UnitHeader + "Pavillonerne ved Lillerød Idrætscenter;Kodetabel Åbo;nej;2;3;nej;2400;ja;ja;nej;400;600;500;300;nej;2026-12-01\r\n";
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var html = await housing.UploadCsvAsync("/Housing/Units/Import", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "boliger.csv");

        Assert.DoesNotContain("findes ikke", html, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.HousingUnits.AnyAsync(u => u.Label == "Kodetabel Åbo")));
    }

    [Fact]
    public async Task ArrivalImport_Windows1252File_KeepsTheNamesLetters()
    {
        const string csv = "household;first_name;last_name;birth_date;gender;residence_basis;relation_to_first;nationality;languages;interpreter;cpr;visitation_decision_date;expected_arrival\r\n"
            + "A;Søren;Kodetabelsøn;1988-04-02;mand;visiteret;;Syrien;arabisk;ja;;2026-09-15;2026-11-01\r\n";
        using var reception = await Browser.SignedInAsync(factory, "koordinator");

        var html = await reception.UploadCsvAsync("/Reception/Import", Windows1252.GetBytes(csv), "ankomster.csv");

        Assert.Contains("1 husstand", html, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.Persons.AnyAsync(p => p.FirstName == "Søren" && p.LastName == "Kodetabelsøn")));
    }
}
