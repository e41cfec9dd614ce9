using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Indgang.Domain;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// The optimizer's explanations and its reasons for leaving a household without a suggestion, for a user who has chosen
/// English (PLAT-5): said in English from the terms the run keeps, numbers and all. Before, they stayed Danish.
/// </summary>
public sealed class PlacementExplanationsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Suggestion_ExplainedInEnglish()
    {
        var household = await ArrivedTwentyDaysAgoAsync("Engelskforklaret");
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        var run = await housing.RunPlacementAsync(household);

        var page = new HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        var terms = page.QuerySelectorAll($"article.suggestion[aria-labelledby='s-{household}'] ul.explanation li")
            .Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Gets a home: +1000", terms);
        Assert.Contains("Has waited 20 days: +40", terms);
        Assert.DoesNotContain(terms, t => t.StartsWith("Får en bolig", StringComparison.Ordinal) || t.StartsWith("Har ventet", StringComparison.Ordinal));
        // The day in words the English way, without the Danish full stop after the day.
        var moveIn = page.QuerySelectorAll($"article.suggestion[aria-labelledby='s-{household}'] p").Select(p => p.TextContent.Trim());
        Assert.Contains($"Move-in: {Arrivals.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", moveIn);
    }

    [Fact]
    public async Task HouseholdNoUnitFits_ToldWhyInEnglish()
    {
        // Twelve people: no unit of the stock has the beds.
        var household = await factory.RegisterTwelveAsync("Engelskstor");
        using var housing = await Browser.SignedInEnglishAsync(factory, "bolig");

        var run = await housing.RunPlacementAsync(household);

        var why = new HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"))
            .QuerySelector($"li[data-unhoused='{household}'] .form-hint")?.TextContent;
        Assert.Matches(@"^No free unit fits the household: too few beds \([\d,]+ units?\)", why);
    }

    /// <summary>A run stored before the terms kept their arguments had the Danish texts written out: it is still shown.</summary>
    [Fact]
    public async Task RunStoredWithTheTextsWrittenOut_StillShown()
    {
        var household = await ArrivedTwentyDaysAgoAsync("Tidligerekørsel");
        var tooBig = await factory.RegisterTwelveAsync("Tidligerestor");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household, tooBig);
        await factory.QueryAsync(async db =>
        {
            var stored = await db.PlacementRuns.SingleAsync(r => r.Id == run);
            var json = JsonNode.Parse(stored.ResultJson)!;
            foreach (var term in json["optimized"]!["suggestions"]!.AsArray().SelectMany(s => s!["terms"]!.AsArray()))
            {
                term!["danishText"] = JsonSerializer.Deserialize<Said>(term["danishText"]!.ToJsonString())!.ToString();
            }

            var why = json["whyUnhoused"]!.AsObject();
            why[tooBig.ToString()] = JsonSerializer.Deserialize<Said>(why[tooBig.ToString()]!.ToJsonString())!.ToString();
            db.Entry(stored).Property(r => r.ResultJson).CurrentValue = json.ToJsonString();
            return await db.SaveChangesAsync();
        });

        var page = new HtmlParser().ParseDocument(await housing.GetPageAsync($"/Housing/Placement/{run}"));
        var terms = page.QuerySelectorAll($"article.suggestion[aria-labelledby='s-{household}'] ul.explanation li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Contains("Får en bolig: +1000", terms);
        Assert.Contains("Har ventet 20 dage: +40", terms);
        Assert.StartsWith("Ingen ledig bolig passer husstanden: for få senge (", page.QuerySelector($"li[data-unhoused='{tooBig}'] .form-hint")?.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> ArrivedTwentyDaysAgoAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        await factory.RecordArrivalAsync(household, Arrivals.Today.AddDays(-20));
        return household;
    }
}
