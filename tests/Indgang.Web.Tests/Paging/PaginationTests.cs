using Indgang.Web.Platform.Paging;

namespace Indgang.Web.Tests.Paging;

/// <summary>Which page a list shows for what the address asks, and which page numbers the DKFDS pagination links.</summary>
public sealed class PaginationTests
{
    [Theory]
    [InlineData(null, 137, 1)]
    [InlineData("3", 137, 3)]
    [InlineData(" 3 ", 137, 3)]
    [InlineData("6", 137, 6)]
    [InlineData("7", 137, 6)]
    [InlineData("99999999999999999999", 137, 6)]
    [InlineData("0", 137, 1)]
    [InlineData("-99999999999999999999", 137, 1)]
    [InlineData("abc", 137, 1)]
    [InlineData("1e3", 137, 1)]
    [InlineData("4", 0, 1)]
    public void Of_AnyRequest_IsAPageThatExists(string? requested, int total, int page) =>
        Assert.Equal(page, Pagination.Of(requested, 25, total).Page);

    [Theory]
    [InlineData(1, 137, 1, 25)]
    [InlineData(6, 137, 126, 137)]
    [InlineData(2, 50, 26, 50)]
    [InlineData(1, 0, 0, 0)]
    public void FirstAndLastShown_AreThePagesRows(int page, int total, int first, int last)
    {
        var pages = Pagination.Of(page.ToString(System.Globalization.CultureInfo.InvariantCulture), 25, total);

        Assert.Equal((first, last), (pages.FirstShown, pages.LastShown));
    }

    [Theory]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(4, 7, "1 2 3 4 5 6 7")]
    [InlineData(1, 12, "1 2 3 4 5 … 12")]
    [InlineData(4, 12, "1 2 3 4 5 … 12")]
    [InlineData(5, 12, "1 … 4 5 6 … 12")]
    [InlineData(8, 12, "1 … 7 8 9 … 12")]
    [InlineData(9, 12, "1 … 8 9 10 11 12")]
    [InlineData(12, 12, "1 … 8 9 10 11 12")]
    public void Links_AllPagesUpToSeven_OtherwiseTheEndsAndTheCurrentsNeighbours(int page, int pageCount, string links)
    {
        var pages = Pagination.Of(page.ToString(System.Globalization.CultureInfo.InvariantCulture), 10, pageCount * 10);

        Assert.Equal(links, string.Join(' ', pages.Links().Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
