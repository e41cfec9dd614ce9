using System.Globalization;
using CsvHelper;
using Indgang.Domain;
using Indgang.Web.Features.Reception;
using Indgang.Web.Platform;

namespace Indgang.Web.Features.Housing;

/// <summary>Reads housing units from a CSV file (one row per unit; the site is named as in Indgang).</summary>
public static class UnitCsv
{
    public static readonly string[] Columns =
    [
        "site", "label", "permanent", "rooms", "beds", "shared_room", "monthly_rent", "step_free", "ground_floor", "lift",
        "transport_m", "school_m", "daycare_m", "shops_m", "vulnerable_area", "available_from",
    ];

    /// <summary>
    /// The block reason (<see cref="UnitInput.BlockedReason"/>): a file may leave the column out, as files made before it
    /// did. A reason in it imports the unit as blocked with that reason; an empty cell, as a unit that is not blocked.
    /// </summary>
    public const string BlockedReasonColumn = "blocked_reason";

    /// <summary>An amount that is not kroner: what was typed, the column, and how to write one (<see cref="Platform.Kroner.Hint"/>).</summary>
    public const string NotKroner = "»{0}« i kolonnen {1} er ikke et beløb i kroner. " + Platform.Kroner.Hint;

    /// <summary>The columns a file may leave out, read when they are there; after <see cref="Columns"/> in the template and the export.</summary>
    public static readonly string[] OptionalColumns = [BlockedReasonColumn];

    public static string Template => string.Join(';', Columns.Concat(OptionalColumns)) + "\r\n" +
        "Pavillonerne ved Lillerød Idrætscenter;Pavillon D;nej;2;3;nej;2400;ja;ja;nej;400;600;500;300;nej;2026-12-01;\r\n";

    /// <summary>
    /// Reads the file's units. A site is found by its name without regard to case; a name that more than one site
    /// answers to (sites created before names were kept apart) is that row's error, as is a name no site has. Columns
    /// are found by name, and others are passed over, so the stock export (<see cref="UnitCsvExport"/>) reads back; an
    /// optional column (<see cref="OptionalColumns"/>) left out leaves its field empty.
    /// </summary>
    public static (List<(int Row, UnitInput Unit)> Units, List<CsvRowError> Errors) Parse(TextReader reader, ILookup<string, Guid> sitesByName)
    {
        ArgumentNullException.ThrowIfNull(sitesByName);
        var errors = new List<CsvRowError>();
        var units = new List<(int, UnitInput)>();
        using var csv = new CsvReader(reader, CsvRows.Configuration());
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new CsvRowError(1, "Filen er tom eller mangler overskriftsrækken."));
            return (units, errors);
        }

        var header = csv.HeaderRecord!.Select(h => h.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = Columns.Where(c => !header.Contains(c.ToUpperInvariant())).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CsvRowError(1, new Said("Overskriftsrækken mangler kolonnerne: {0}.", string.Join(", ", missing))));
            return (units, errors);
        }

        var hasBlockedReason = header.Contains(BlockedReasonColumn.ToUpperInvariant());
        while (csv.Read())
        {
            var row = csv.Parser.Row;
            // The stock export guards names, labels and block reasons against formula injection with an apostrophe; it
            // comes off here.
            string Field(string name) => CsvFormula.Restore(csv.GetField(name.ToUpperInvariant()) ?? "");
            var site = Field("site");
            var siteIds = sitesByName[site].ToList();
            var unit = new UnitInput
            {
                SiteId = siteIds.Count == 1 ? siteIds[0] : null,
                Label = Field("label"),
                IsPermanent = YesNo(Field("permanent"), row, "permanent", errors),
                Rooms = Number(Field("rooms"), row, "rooms", errors),
                Beds = Number(Field("beds"), row, "beds", errors),
                IsSharedRoom = YesNo(Field("shared_room"), row, "shared_room", errors),
                MonthlyRent = Kroner(Field("monthly_rent"), row, "monthly_rent", errors),
                StepFree = YesNo(Field("step_free"), row, "step_free", errors),
                GroundFloor = YesNo(Field("ground_floor"), row, "ground_floor", errors),
                Lift = YesNo(Field("lift"), row, "lift", errors),
                TransportMetres = Number(Field("transport_m"), row, "transport_m", errors),
                SchoolMetres = Number(Field("school_m"), row, "school_m", errors),
                DaycareMetres = Number(Field("daycare_m"), row, "daycare_m", errors),
                ShopsMetres = Number(Field("shops_m"), row, "shops_m", errors),
                InVulnerableArea = YesNo(Field("vulnerable_area"), row, "vulnerable_area", errors),
                AvailableFrom = DateOnly.TryParseExact(Field("available_from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
                // Checked with the unit's other fields (UnitInput.Validate), as on the edit page.
                BlockedReason = hasBlockedReason && Field(BlockedReasonColumn) is { } reason && !string.IsNullOrWhiteSpace(reason) ? reason.Trim() : null,
            };
            if (siteIds.Count > 1)
            {
                errors.Add(new CsvRowError(row, new Said("Navnet »{0}« passer på {1} boligsteder, så det er uklart, hvilket der menes. Opret boligen med »Opret bolig«, hvor stedet vælges på en liste.", site, siteIds.Count)));
            }
            else if (unit.SiteId is null)
            {
                errors.Add(new CsvRowError(row, new Said("Boligstedet »{0}« findes ikke. Opret det først, eller ret navnet.", site)));
            }

            units.Add((row, unit));
        }

        if (units.Count == 0)
        {
            errors.Add(new CsvRowError(1, "Filen indeholder ingen boliger."));
        }

        return (units, errors);
    }

    private static int? Number(string value, int row, string column, List<CsvRowError> errors) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : Invalid<int?>(null, row, new Said("»{0}« i kolonnen {1} er ikke et heltal.", value, column), errors);

    private static decimal? Kroner(string value, int row, string column, List<CsvRowError> errors) =>
        Platform.Kroner.TryParse(value, out var amount)
            ? amount
            : Invalid<decimal?>(null, row, new Said(NotKroner, value, column), errors);

    private static bool YesNo(string value, int row, string column, List<CsvRowError> errors) =>
        CsvRows.YesNo(value) ?? Invalid(false, row, new Said("»{0}« i kolonnen {1} skal være ja eller nej.", value, column), errors);

    private static T Invalid<T>(T fallback, int row, Said message, List<CsvRowError> errors) => CsvRows.Invalid(fallback, row, message, errors);
}
