using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Indgang.Web.Features.Admin.Audit;
using Indgang.Web.Platform;

namespace Indgang.Web.Tests.Audit;

/// <summary>The audit log's CSV export: what a spreadsheet or a CSV reader gets back is what was logged.</summary>
public sealed class AuditCsvTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 13, 45, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Header_AndTextColumnsQuoted_AsTheExportHasAlwaysBeen_WithWhetherAnEntryIsAboutTheHouseholdLast()
    {
        var csv = AuditSearch.ToCsv(
        [
            new AuditRow(7, At, "koordinator", 2000, "PersonRead", "Sagsbehandling", null, "Person 1"),
            new AuditRow(8, At, "bolig", 2101, "HouseholdRead", "Husstandens sag", null, "Husstand 1", ViaHousehold: true),
        ]);

        Assert.Equal(
            "sequence,occurred_at_utc,actor,action_code,action,purpose,ip_address,details,via_household\r\n" +
            "7,2026-11-30T12:45:00.0000000Z,\"koordinator\",2000,PersonRead,\"Sagsbehandling\",,\"Person 1\",false\r\n" +
            "8,2026-11-30T12:45:00.0000000Z,\"bolig\",2101,HouseholdRead,\"Husstandens sag\",,\"Husstand 1\",true\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+45 12 34 56 78")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tindrykket")]
    [InlineData("'=allerede med apostrof")]
    [InlineData("komma, \"citat\" og\r\nny linje")]
    public void TextReadsBack_FormulasAsText(string details)
    {
        var csv = AuditSearch.ToCsv([new AuditRow(1, At, "bolig", 2000, "PersonRead", "Formål", "127.0.0.1", details)]);

        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture));
        Assert.True(reader.Read() && reader.ReadHeader() && reader.Read());
        var written = reader.GetField("details")!;
        Assert.Equal(details, CsvFormula.Restore(written));
        // A cell that starts like a formula is written with the apostrophe a spreadsheet shows as text.
        Assert.Equal("=+-@\t\r".Contains(details[0], StringComparison.Ordinal) || details.StartsWith("'=", StringComparison.Ordinal), written[0] == '\'');
        Assert.Equal("bolig", reader.GetField("actor"));
        Assert.False(reader.Read());
    }
}
