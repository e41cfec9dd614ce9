using System.Globalization;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// The case's task table lists the tasks by due date, and those due the same day by title as Danish sorts it, the same
/// on every reading: they came in no stable order ("Skattekort – Omar, Skattekort – Layla, Bankkonto – Layla"; found by
/// the coordinator review).
/// </summary>
public sealed class HouseholdTaskOrderTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TasksDueTheSameDay_AreListedByTitle()
    {
        var household = await factory.RegisterFamilyAsync("Rækkefølgesen");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        var rows = Parser.ParseDocument(await coordinator.GetPageAsync($"/Households/{household}"))
            .QuerySelectorAll("tr[data-task-type]")
            .Select(r => (Title: r.Children[0].TextContent.Trim(), Due: r.Children[2].TextContent.Trim()))
            .ToList();

        var sameDay = rows.GroupBy(r => r.Due).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(sameDay);
        var danish = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: false);
        foreach (var day in sameDay)
        {
            Assert.Equal(day.Select(r => r.Title).Order(danish), day.Select(r => r.Title));
        }
    }
}
