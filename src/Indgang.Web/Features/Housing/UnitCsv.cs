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
    public static (List<(int Row, UnitInput Unit, IReadOnlySet<string> Unreadable)> Units, List<CsvRowError> Errors) Parse(TextReader reader, ILookup<string, Guid> sitesByName)
    {
        ArgumentNullException.ThrowIfNull(sitesByName);
        var errors = new List<CsvRowError>();
        var units = new List<(int, UnitInput, IReadOnlySet<string>)>();
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
            // The fields whose cells do not read, told as such: the unit's own check does not say of them again that they are missing.
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            var cells = new Cells(row, errors, unreadable);
            var site = Field("site");
            var siteIds = sitesByName[site].ToList();
            var unit = new UnitInput
            {
                SiteId = siteIds.Count == 1 ? siteIds[0] : null,
                Label = Field("label"),
                IsPermanent = cells.YesNo(Field("permanent"), "permanent", nameof(UnitInput.IsPermanent)),
                Rooms = cells.Number(Field("rooms"), "rooms", nameof(UnitInput.Rooms)),
                Beds = cells.Number(Field("beds"), "beds", nameof(UnitInput.Beds)),
                IsSharedRoom = cells.YesNo(Field("shared_room"), "shared_room", nameof(UnitInput.IsSharedRoom)),
                MonthlyRent = cells.Kroner(Field("monthly_rent"), "monthly_rent", nameof(UnitInput.MonthlyRent)),
                StepFree = cells.YesNo(Field("step_free"), "step_free", nameof(UnitInput.StepFree)),
                GroundFloor = cells.YesNo(Field("ground_floor"), "ground_floor", nameof(UnitInput.GroundFloor)),
                Lift = cells.YesNo(Field("lift"), "lift", nameof(UnitInput.Lift)),
                TransportMetres = cells.Number(Field("transport_m"), "transport_m", nameof(UnitInput.TransportMetres)),
                SchoolMetres = cells.Number(Field("school_m"), "school_m", nameof(UnitInput.SchoolMetres)),
                DaycareMetres = cells.Number(Field("daycare_m"), "daycare_m", nameof(UnitInput.DaycareMetres)),
                ShopsMetres = cells.Number(Field("shops_m"), "shops_m", nameof(UnitInput.ShopsMetres)),
                InVulnerableArea = cells.YesNo(Field("vulnerable_area"), "vulnerable_area", nameof(UnitInput.InVulnerableArea)),
                AvailableFrom = cells.Day(Field("available_from"), "available_from", nameof(UnitInput.AvailableFrom)),
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

            units.Add((row, unit, unreadable));
        }

        if (units.Count == 0)
        {
            errors.Add(new CsvRowError(1, "Filen indeholder ingen boliger."));
        }

        return (units, errors);
    }

    /// <summary>A row's cells read by type; a cell that does not read is the row's error, with what it holds and its column.</summary>
    private sealed class Cells(int row, List<CsvRowError> errors, HashSet<string> unreadable)
    {
        public int? Number(string value, string column, string field) =>
            string.IsNullOrWhiteSpace(value) ? null
            : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : Invalid<int?>(null, field, new Said("»{0}« i kolonnen {1} er ikke et heltal.", value, column));

        public decimal? Kroner(string value, string column, string field) =>
            Platform.Kroner.TryParse(value, out var amount)
                ? amount
                : Invalid<decimal?>(null, field, new Said(NotKroner, value, column));

        public bool YesNo(string value, string column, string field) =>
            CsvRows.YesNo(value) ?? Invalid(false, field, new Said("»{0}« i kolonnen {1} skal være ja eller nej.", value, column));

        /// <summary>A day as the template and the export write it, ÅÅÅÅ-MM-DD; empty is none (the unit's check asks for it).</summary>
        public DateOnly? Day(string value, string column, string field) =>
            string.IsNullOrWhiteSpace(value) ? null
            : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : Invalid<DateOnly?>(null, field, new Said("»{0}« i kolonnen {1} er ikke en dato som ÅÅÅÅ-MM-DD, fx 2026-12-01.", value, column));

        private T Invalid<T>(T fallback, string field, Said message)
        {
            unreadable.Add(field);
            return CsvRows.Invalid(fallback, row, message, errors);
        }
    }
}
