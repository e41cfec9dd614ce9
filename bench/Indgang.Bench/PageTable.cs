using System.Globalization;

namespace Indgang.Bench;

/// <summary>The pages benchmark's table, in fixed-width columns (invariant culture: it is a file, not UI).</summary>
internal sealed class PageTable
{
    private static readonly string[] Header = ["page", "user", "median ms", "max ms", "KB"];

    private readonly List<string[]> rows = [];

    /// <summary>A page's times in ms (the warm-up left out) and the size of its answer in bytes.</summary>
    public void Add(string page, string user, IReadOnlyList<double> milliseconds, long bytes) => rows.Add(
    [
        page,
        user,
        Format($"{Median(milliseconds):0.0}"),
        Format($"{milliseconds.Max():0.0}"),
        Format($"{bytes / 1024.0:0.0}"),
    ]);

    public void Print(TextWriter output) => FixedWidthTable.Print(output, Header, rows, textColumns: 2);

    /// <summary>The middle time; of an even count, the mean of the two middle ones.</summary>
    public static double Median(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
