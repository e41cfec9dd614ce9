using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Indgang.Web.Platform;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The housing stock as a CSV file the unit import reads back (<see cref="UnitCsv.Parse"/>): UTF-8 with a byte order
/// mark, semicolons, CRLF, the import's columns in its order with values in its forms (ja/nej, whole numbers, kroner as
/// in <see cref="Kroner.Format"/>, ISO dates), its optional block reason (empty when the unit is not blocked, so that a
/// blocked unit comes in blocked where the file is imported), then <see cref="InformationColumns"/>, which the import
/// does not read (it looks columns up by name and passes over the others). Names, labels and block reasons are guarded
/// against formula injection (<see cref="CsvFormula"/>); the import takes the guard off. Units only: no resident is named
/// (the unit edit form asks for no personal data in the block reason).
/// </summary>
public static class UnitCsvExport
{
    /// <summary>
    /// For the reader of the file: the town, the status as the stock list shows it, and the free beds: the beds to give
    /// today, as the list counts them (<see cref="Domain.Housing.HousingUnit.BedsToGiveOn"/>).
    /// </summary>
    public static readonly string[] InformationColumns = ["town", "status", "free_beds"];

    /// <param name="rows">The units, in the file's order.</param>
    /// <param name="today">The day the status and the free beds are counted on.</param>
    /// <param name="sharedBedsTaken">The shared rooms' beds taken from today on, by room (<see cref="SharedRoomResidents.BedsTakenFromAsync"/>).</param>
    /// <param name="reserved">The units nobody lives in today that a household is to move into, with its day (<see cref="UnitReservations"/>).</param>
    public static byte[] Write(IEnumerable<UnitRow> rows, DateOnly today, IReadOnlyDictionary<Guid, int> sharedBedsTaken, IReadOnlyDictionary<Guid, DateOnly> reserved)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sharedBedsTaken);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n" };
        using var file = new MemoryStream();
        using (var text = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var column in UnitCsv.Columns.Concat(UnitCsv.OptionalColumns).Concat(InformationColumns))
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in Values(row, today, sharedBedsTaken, reserved))
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        }

        return file.ToArray();
    }

    // In the order of UnitCsv.Columns, UnitCsv.OptionalColumns, then InformationColumns.
    private static IEnumerable<string> Values(UnitRow row, DateOnly today, IReadOnlyDictionary<Guid, int> sharedBedsTaken, IReadOnlyDictionary<Guid, DateOnly> reserved)
    {
        var u = row.Unit;
        DateOnly? reservedFrom = reserved.TryGetValue(u.Id, out var day) ? day : null;
        return
        [
            CsvFormula.Neutralise(row.SiteName), CsvFormula.Neutralise(u.Label), YesNo(u.IsPermanent), Whole(u.Rooms), Whole(u.Beds),
            YesNo(u.IsSharedRoom), Kroner.Format(u.MonthlyRent), YesNo(u.StepFree), YesNo(u.GroundFloor), YesNo(u.Lift),
            Whole(u.TransportMetres), Whole(u.SchoolMetres), Whole(u.DaycareMetres), Whole(u.ShopsMetres), YesNo(u.InVulnerableArea),
            u.AvailableFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CsvFormula.Neutralise(u.Status == Domain.Housing.UnitStatus.Blocked ? u.BlockedReason ?? "" : ""),
            CsvFormula.Neutralise(row.Town), StatusText(u.StockStatusOn(today, reservedFrom), reservedFrom), Whole(u.BedsToGiveOn(today, sharedBedsTaken.GetValueOrDefault(u.Id))),
        ];
    }

    private static string YesNo(bool value) => value ? "ja" : "nej";

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    // The filter's words for the Status column ("Ledig nu", "Beboet", …); a reserved unit with its day, as its page says it.
    private static string StatusText(Domain.Housing.StockStatus status, DateOnly? reservedFrom) =>
        UnitFilterInput.StatusOptions.Single(o => o.Value == status.ToString()).Text
        + (status == Domain.Housing.StockStatus.Reserved ? " fra " + reservedFrom!.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "");
}
