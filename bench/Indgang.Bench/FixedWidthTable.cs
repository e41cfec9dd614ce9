namespace Indgang.Bench;

/// <summary>The benchmarks' tables: columns as wide as their widest cell, text left-aligned and figures right-aligned.</summary>
internal static class FixedWidthTable
{
    /// <summary>The header, a rule and the rows; the first <paramref name="textColumns"/> columns are text.</summary>
    public static void Print(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, int textColumns)
    {
        ArgumentNullException.ThrowIfNull(output);
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(Line([.. header], widths, textColumns));
        output.WriteLine(string.Join(" | ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths, textColumns));
        }
    }

    private static string Line(string[] cells, int[] widths, int textColumns) =>
        string.Join(" | ", cells.Select((c, i) => i < textColumns ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
}
