using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// The pipeline page as a test finds a household on it: each of its tables is a page of 25 at a time, so a test whose
/// class has made many households follows the page links to the household's row, as the housing coordinator does.
/// </summary>
public static class PipelinePages
{
    /// <summary>The first page (of either table, the other on its first page) whose row of the household is shown; null when none is.</summary>
    public static async Task<IHtmlDocument?> PipelineShowingAsync(this Browser housing, Guid household)
    {
        var parser = new HtmlParser();
        foreach (var (pageName, heading) in new[] { ("side", "På vej til en permanent bolig"), ("sideFlyttet", "Flyttet til en permanent bolig") })
        {
            for (var side = 1; ; side++)
            {
                var page = parser.ParseDocument(await housing.GetPageAsync($"/Housing/Pipeline?{pageName}={side}"));
                if (page.QuerySelector($"tr[data-household] td:first-child a[href='/Households/{household}']") is not null)
                {
                    return page;
                }

                if (page.QuerySelector($"nav.pagination[aria-label='Sider: {heading}'] a[rel='next']") is null)
                {
                    break;
                }
            }
        }

        return null;
    }
}
