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

    /// <summary>An empty site cell, said with its column as the unit's check says its own fields' (<see cref="InColumn"/>).</summary>
    public const string SiteMissing = "Angiv navnet på boligstedet, som det står under Boligsteder.";

    /// <summary>An amount that is not kroner: what was typed, the column, and how to write one (<see cref="Platform.Kroner.Hint"/>).</summary>
    public const string NotKroner = "»{0}« i kolonnen {1} er ikke et beløb i kroner. " + Platform.Kroner.Hint;

    /// <summary>The column of each of a unit's fields (<see cref="UnitInput"/>) but the site, which is found by its name.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        [nameof(UnitInput.Label)] = "label", [nameof(UnitInput.IsPermanent)] = "permanent", [nameof(UnitInput.Rooms)] = "rooms",
        [nameof(UnitInput.Beds)] = "beds", [nameof(UnitInput.IsSharedRoom)] = "shared_room", [nameof(UnitInput.MonthlyRent)] = "monthly_rent",
        [nameof(UnitInput.StepFree)] = "step_free", [nameof(UnitInput.GroundFloor)] = "ground_floor", [nameof(UnitInput.Lift)] = "lift",
        [nameof(UnitInput.TransportMetres)] = "transport_m", [nameof(UnitInput.SchoolMetres)] = "school_m",
        [nameof(UnitInput.DaycareMetres)] = "daycare_m", [nameof(UnitInput.ShopsMetres)] = "shops_m",
        [nameof(UnitInput.InVulnerableArea)] = "vulnerable_area", [nameof(UnitInput.AvailableFrom)] = "available_from",
        [nameof(UnitInput.BlockedReason)] = BlockedReasonColumn,
    };

    /// <summary>
    /// A unit's check (<see cref="UnitInput.Validate"/>) said of a row: with the column it is about, as the form says it
    /// beside the field. Before, a row with four distances wrong said "Angiv afstanden i meter" four times, naming none.
    /// </summary>
    public static Said InColumn(string field, string message) =>
        ColumnOfField.TryGetValue(field, out var column) ? new Said("Kolonnen {0}: {1}", column, new Said(message)) : new Said(message);

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
            var cells = new Cells(row, errors, unreadable, field => Field(ColumnOfField[field]));
            var site = Field("site");
            var siteIds = sitesByName[site].ToList();
            var unit = new UnitInput
            {
                SiteId = siteIds.Count == 1 ? siteIds[0] : null,
                Label = Field("label"),
                IsPermanent = cells.YesNo(nameof(UnitInput.IsPermanent)),
                Rooms = cells.Number(nameof(UnitInput.Rooms)),
                Beds = cells.Number(nameof(UnitInput.Beds)),
                IsSharedRoom = cells.YesNo(nameof(UnitInput.IsSharedRoom)),
                MonthlyRent = cells.Kroner(nameof(UnitInput.MonthlyRent)),
                StepFree = cells.YesNo(nameof(UnitInput.StepFree)),
                GroundFloor = cells.YesNo(nameof(UnitInput.GroundFloor)),
                Lift = cells.YesNo(nameof(UnitInput.Lift)),
                TransportMetres = cells.Number(nameof(UnitInput.TransportMetres)),
                SchoolMetres = cells.Number(nameof(UnitInput.SchoolMetres)),
                DaycareMetres = cells.Number(nameof(UnitInput.DaycareMetres)),
                ShopsMetres = cells.Number(nameof(UnitInput.ShopsMetres)),
                InVulnerableArea = cells.YesNo(nameof(UnitInput.InVulnerableArea)),
                AvailableFrom = cells.Day(nameof(UnitInput.AvailableFrom)),
                // Checked with the unit's other fields (UnitInput.Validate), as on the edit page.
                BlockedReason = hasBlockedReason && Field(BlockedReasonColumn) is { } reason && !string.IsNullOrWhiteSpace(reason) ? reason.Trim() : null,
            };
            if (siteIds.Count > 1)
            {
                errors.Add(new CsvRowError(row, new Said("Navnet »{0}« passer på {1} boligsteder, så det er uklart, hvilket der menes. Opret boligen med »Opret bolig«, hvor stedet vælges på en liste.", site, siteIds.Count)));
            }
            else if (string.IsNullOrWhiteSpace(site))
            {
                // Asked for as the other empty required cells are, with its column; before, »« was not found, naming none.
                errors.Add(new CsvRowError(row, new Said("Kolonnen {0}: {1}", "site", new Said(SiteMissing))));
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

    /// <summary>
    /// A row's cells read by type, each by its field's column (<see cref="ColumnOfField"/>); a cell that does not read is
    /// the row's error, with what it holds and its column. An empty cell is none: the unit's check asks for it.
    /// </summary>
    private sealed class Cells(int row, List<CsvRowError> errors, HashSet<string> unreadable, Func<string, string> cellOf)
    {
        /// <summary>
        /// A whole number; one too large to be held (99999999999) is read as the largest there is, so that the unit's check
        /// says it is out of range, not that it is no whole number.
        /// </summary>
        public int? Number(string field) =>
            cellOf(field).Trim() is var value && value.Length == 0 ? null
            : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : System.Numerics.BigInteger.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var huge) ? (huge.Sign < 0 ? int.MinValue : int.MaxValue)
            : Invalid<int?>(null, field, new Said("»{0}« i kolonnen {1} er ikke et heltal.", value, ColumnOfField[field]));

        public decimal? Kroner(string field) =>
            cellOf(field) is var value && string.IsNullOrWhiteSpace(value) ? null
            : Platform.Kroner.TryParse(value, out var amount) ? amount
            : Invalid<decimal?>(null, field, new Said(NotKroner, value, ColumnOfField[field]));

        public bool YesNo(string field) =>
            cellOf(field) is var value && CsvRows.YesNo(value) is { } yes ? yes
            : Invalid(false, field, new Said("»{0}« i kolonnen {1} skal være ja eller nej.", value, ColumnOfField[field]));

        /// <summary>A day as the template and the export write it, ÅÅÅÅ-MM-DD.</summary>
        public DateOnly? Day(string field) =>
            cellOf(field) is var value && string.IsNullOrWhiteSpace(value) ? null
            : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : Invalid<DateOnly?>(null, field, new Said("»{0}« i kolonnen {1} er ikke en dato som ÅÅÅÅ-MM-DD, fx 2026-12-01.", value, ColumnOfField[field]));

        private T Invalid<T>(T fallback, string field, Said message)
        {
            unreadable.Add(field);
            return CsvRows.Invalid(fallback, row, message, errors);
        }
    }
}
