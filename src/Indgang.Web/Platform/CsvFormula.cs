namespace Indgang.Web.Platform;

/// <summary>
/// Guards text written to a CSV file against formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that
/// begins with =, +, -, @, a tab or a carriage return as a formula, so such a value is written with an apostrophe in
/// front, which makes the spreadsheet show it as text. <see cref="Restore"/> takes the apostrophe off again when the file
/// is read back, so that an exported file imports the values it was made from. A value that itself begins with an
/// apostrophe before one of those characters (or before another apostrophe) gets one more, so that reading it back
/// cannot take off an apostrophe that belongs to the value: <c>Restore(Neutralise(v)) == v</c> for every value.
/// Only for text typed by people (names, labels, block reasons): numbers are written as they are, a negative one too.
/// </summary>
internal static class CsvFormula
{
    private const char Apostrophe = '\'';

    /// <summary>What a spreadsheet takes as the start of a formula.</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && (FormulaStarts.Contains(value[0]) || IsEscaped(value)) ? Apostrophe + value : value;
    }

    /// <summary>The value <see cref="Neutralise"/> was given: one leading apostrophe off, when it stands before what it guards.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsEscaped(value) ? value[1..] : value;
    }

    private static bool IsEscaped(string value) =>
        value.Length >= 2 && value[0] == Apostrophe && (value[1] == Apostrophe || FormulaStarts.Contains(value[1]));
}
