using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household long in temporary housing that is to move into one of our permanent units is on its way there: the start
/// page's "Længst i midlertidig bolig" says into which unit and when, as the pipeline leaves it out. Before, it was marked
/// "Ikke opskrevet" with a warning (found by the housing coordinator's review).
/// </summary>
public sealed class HousingOverviewPermanentUnitAheadTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task LongInTemporaryHousing_MovingIntoOurPermanentUnit_SaysSo_NotThatItIsUnregistered()
    {
        var (_, household, stay) = await factory.HousedSingleAsync("Længe midlertidig", "Permanentpåvej", daysAgo: 900);
        var permanent = await factory.UnitOfItsOwnAsync("Permanent om en uge", isPermanent: true);
        var day = Today.AddDays(7);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveToAnotherUnitAsync(stay, permanent, day);
            Assert.True(moved.Succeeded, moved.Error);
        }

        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = await Parser.ParseDocumentAsync(await housing.GetPageAsync("/"));

        var row = page.QuerySelector($"tr[data-stay='{household}']")?.TextContent ?? throw new Xunit.Sdk.XunitException("No stay row.");
        var squeezed = string.Join(' ', row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Flytter ind i permanent bolig Permanent om en uge {day.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"))}", squeezed, StringComparison.Ordinal);
        Assert.DoesNotContain("Ikke opskrevet", squeezed, StringComparison.Ordinal);
    }
}
