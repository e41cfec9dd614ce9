using Indgang.Web.Features.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Indgang.Web.Tests.Api;

/// <summary>The Link header of a page (RFC 8288): which of first, prev, next and last it has, and their addresses.</summary>
public sealed class ApiPageLinksTests
{
    private const string Path = "/api/v1/households/mine";

    [Theory]
    [InlineData(1, 10, "first=1 next=2 last=3")]
    [InlineData(2, 10, "first=1 prev=1 next=3 last=3")]
    [InlineData(3, 10, "first=1 prev=2 last=3")]
    [InlineData(3, 12, "first=1 prev=2 last=3")]
    [InlineData(1, 4, "first=1 last=1")]
    [InlineData(1, 0, "first=1 last=1")]
    [InlineData(9, 10, "first=1 prev=3 last=3")]
    [InlineData(4, 0, "first=1 prev=1 last=1")]
    public void For_APage_LinksTheOtherPages(int page, int total, string expected)
    {
        var links = PagedApi.Links(ApiPageLinks.For(Path, [], new ApiPage(page, 4), total));

        Assert.Equal(expected, string.Join(' ', links.Select(l => $"{l.Key}={QueryHelpers.ParseQuery(new Uri("http://x" + l.Value).Query)["page"]}")));
        Assert.All(links.Values, url => Assert.Equal($"{Path}?page=", url[..(Path.Length + 6)]));
        Assert.All(links.Values, url => Assert.EndsWith("&pageSize=4", url, StringComparison.Ordinal));
    }

    [Fact]
    public void For_KeepsTheOtherParametersAsSent_AndSetsThePageAnew_InAnyCase()
    {
        var query = QueryHelpers.ParseQuery("?type=Temporary&Page=7&search=gamle%20skole%20%26%20co&PAGESIZE=3&status=AvailableNow&status=Occupied");

        var header = ApiPageLinks.For("/api/v1/housing/units", query, new ApiPage(2, 3), 9);

        Assert.Equal(
            "</api/v1/housing/units?type=Temporary&search=gamle%20skole%20%26%20co&status=AvailableNow&status=Occupied&page=1&pageSize=3>; rel=\"first\", "
            + "</api/v1/housing/units?type=Temporary&search=gamle%20skole%20%26%20co&status=AvailableNow&status=Occupied&page=1&pageSize=3>; rel=\"prev\", "
            + "</api/v1/housing/units?type=Temporary&search=gamle%20skole%20%26%20co&status=AvailableNow&status=Occupied&page=3&pageSize=3>; rel=\"next\", "
            + "</api/v1/housing/units?type=Temporary&search=gamle%20skole%20%26%20co&status=AvailableNow&status=Occupied&page=3&pageSize=3>; rel=\"last\"",
            header);
    }

    [Fact]
    public void For_ALongList_CountsItsLastPageWithoutOverflow()
    {
        var links = PagedApi.Links(ApiPageLinks.For(Path, new QueryCollection(), new ApiPage(1, 500), int.MaxValue));

        Assert.Equal($"{Path}?page=4294968&pageSize=500", links["last"]);
    }
}
