using System.Globalization;

namespace Indgang.Web.Platform.Paging;

/// <summary>
/// Which page of a list too long to show at once is shown: its number (1-based), how many rows a page holds and how
/// many rows there are. The number is always one that exists: a list without rows has one, empty, page.
/// </summary>
public sealed record Pagination
{
    private Pagination(int page, int pageSize, int totalCount)
    {
        PageSize = pageSize;
        TotalCount = totalCount;
        Page = Math.Clamp(page, 1, PageCount);
    }

    public int Page { get; }
    public int PageSize { get; }
    public int TotalCount { get; }

    public int PageCount => Math.Max(1, (int)((TotalCount + (long)PageSize - 1) / PageSize));

    /// <summary>How many rows the pages before this one hold: what the query skips.</summary>
    public int RowsBefore => (Page - 1) * PageSize;

    /// <summary>The number (1-based) of the page's first row, 0 when there are none.</summary>
    public int FirstShown => TotalCount == 0 ? 0 : RowsBefore + 1;

    public int LastShown => Math.Min(RowsBefore + PageSize, TotalCount);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>
    /// The page asked for as it came in the address, or the nearest that exists: a number past the last is the last, one
    /// below 1 the first; text that is no number at all (or nothing) the first.
    /// </summary>
    public static Pagination Of(string? requested, int pageSize, int totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        return new Pagination(Read(requested), pageSize, totalCount);
    }

    /// <summary>
    /// The page numbers to link, with null for a run of pages left out: every page of up to seven; otherwise the first,
    /// the last, and the current with its neighbours (the first or last five near either end), as DKFDS shows them.
    /// </summary>
    public IReadOnlyList<int?> Links()
    {
        if (PageCount <= 7)
        {
            return [.. Enumerable.Range(1, PageCount).Select(n => (int?)n)];
        }

        if (Page < 5)
        {
            return [1, 2, 3, 4, 5, null, PageCount];
        }

        return Page + 4 > PageCount
            ? [1, null, .. Enumerable.Range(PageCount - 4, 5).Select(n => (int?)n)]
            : [1, null, Page - 1, Page, Page + 1, null, PageCount];
    }

    private static int Read(string? requested)
    {
        var text = requested?.Trim() ?? "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page))
        {
            return page;
        }

        // A number too long for an int is still a number: past the last page, or below the first.
        var digits = text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? (text.StartsWith('-') ? int.MinValue : int.MaxValue) : 1;
    }
}
