using System.Net;
using System.Text;
using CsvHelper;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Platform;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A unit as the import file describes it, with its site by name (ids differ between installations): every column
/// the import reads, the block reason too (null when the unit is not blocked).
/// </summary>
internal sealed record UnitValues(
    string Site, string Label, bool Permanent, int Rooms, int Beds, bool SharedRoom, decimal MonthlyRent, bool StepFree,
    bool GroundFloor, bool Lift, int TransportMetres, int SchoolMetres, int DaycareMetres, int ShopsMetres,
    bool VulnerableArea, DateOnly AvailableFrom, string? BlockedReason)
{
    public static UnitValues Of(HousingUnit u, string site) =>
        new(site, u.Label, u.IsPermanent, u.Rooms, u.Beds, u.IsSharedRoom, u.MonthlyRent, u.StepFree, u.GroundFloor, u.Lift,
            u.TransportMetres, u.SchoolMetres, u.DaycareMetres, u.ShopsMetres, u.InVulnerableArea, u.AvailableFrom,
            u.Status == UnitStatus.Blocked ? u.BlockedReason : null);

    public static UnitValues Of(UnitInput u, string site) =>
        new(site, u.Label!, u.IsPermanent, u.Rooms!.Value, u.Beds!.Value, u.IsSharedRoom, u.MonthlyRent!.Value, u.StepFree, u.GroundFloor,
            u.Lift, u.TransportMetres!.Value, u.SchoolMetres!.Value, u.DaycareMetres!.Value, u.ShopsMetres!.Value, u.InVulnerableArea,
            u.AvailableFrom!.Value, string.IsNullOrWhiteSpace(u.BlockedReason) ? null : u.BlockedReason.Trim());
}

/// <summary>Getting the stock's CSV file from the page, and reading it: raw, and as the unit import reads it.</summary>
internal static class StockExportFile
{
    /// <summary>The export handler with the filter fields given (field name without "Filter.", value as typed).</summary>
    public static string Url(params (string Field, string Value)[] fields) =>
        "/Housing?handler=Csv" + string.Concat(fields.Select(f => $"&Filter.{f.Field}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>The file's bytes, after checking that a file came.</summary>
    public static async Task<byte[]> DownloadAsync(this Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The file as a browser would upload it, byte for byte (the byte order mark too).</summary>
    public static string AsUploaded(byte[] file) => new UTF8Encoding(false).GetString(file);

    public static string Text(byte[] file) => new UTF8Encoding(false).GetString(file).TrimStart('\uFEFF');

    /// <summary>The cells as written, by column name (no apostrophe taken off).</summary>
    public static List<Dictionary<string, string>> RawRows(byte[] file)
    {
        using var csv = new CsvReader(new StringReader(Text(file)), CsvRows.Configuration());
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h.ToUpperInvariant())!, StringComparer.Ordinal));
        }

        return rows;
    }

    /// <summary>The file read by the unit import's parser against the installation's sites; every row must read.</summary>
    public static async Task<List<UnitValues>> ParseAsync(this IndgangAppFactory factory, byte[] file)
    {
        var sites = await factory.QueryAsync(db => db.HousingSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync());
        using var reader = new StreamReader(new MemoryStream(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (units, errors) = UnitCsv.Parse(reader, sites.ToLookup(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(errors);
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        return units.ConvertAll(u => UnitValues.Of(u.Unit, names[u.Unit.SiteId!.Value]));
    }

    /// <summary>The installation's units, with their sites' names; in a fixed order.</summary>
    public static Task<List<UnitValues>> UnitsAsync(this IndgangAppFactory factory) =>
        factory.QueryAsync(async db =>
        {
            var names = await db.HousingSites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name);
            var units = await db.HousingUnits.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
            return Ordered(units.Select(u => UnitValues.Of(u, names[u.SiteId])));
        });

    public static List<UnitValues> Ordered(IEnumerable<UnitValues> units) =>
        units.OrderBy(u => u.Site, StringComparer.Ordinal).ThenBy(u => u.Label, StringComparer.Ordinal).ToList();
}
