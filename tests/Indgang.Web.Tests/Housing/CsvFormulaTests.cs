using Indgang.Web.Platform;

namespace Indgang.Web.Tests.Housing;

/// <summary>The stock export's guard against formula injection, and its kroner, read back as they were written.</summary>
public sealed class CsvFormulaTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+45 Nord", "'+45 Nord")]
    [InlineData("-1. sal", "'-1. sal")]
    [InlineData("@Kælderen", "'@Kælderen")]
    [InlineData("\tFane", "'\tFane")]
    [InlineData("\rRetur", "'\rRetur")]
    [InlineData("'=Med apostrof", "''=Med apostrof")]
    [InlineData("''", "'''")]
    [InlineData("'s Hus", "'s Hus")]
    [InlineData("'", "'")]
    [InlineData("Pavillon A", "Pavillon A")]
    [InlineData("Nr. 7, 2. th.", "Nr. 7, 2. th.")]
    [InlineData("", "")]
    public void Neutralise_GuardsAFormulaStart_AndRestoreGivesTheValueBack(string value, string written)
    {
        Assert.Equal(written, CsvFormula.Neutralise(value));
        Assert.Equal(value, CsvFormula.Restore(CsvFormula.Neutralise(value)));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("4100", "4100")]
    [InlineData("4100.00", "4100")]
    [InlineData("2450.5", "2450,50")]
    [InlineData("2000.05", "2000,05")]
    [InlineData("99999999.99", "99999999,99")]
    public void KronerFormat_IsReadBackByTheImportsKronerParser(string amount, string written)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(written, Kroner.Format(value));
        Assert.True(Kroner.TryParse(Kroner.Format(value), out var read));
        Assert.Equal(value, read);
    }
}
