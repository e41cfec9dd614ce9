using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// The rule set page says each deadline's period and what it is counted from in the reader's language (PLAT-5): a
/// period in words with its noun in the right number, the anchor as a word, not the code's name ("Day0").
/// </summary>
public sealed class RuleSetPeriodsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task NationalRules_InDanish()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var rows = await NationalRowsAsync(admin);

        Assert.Equal(["1 år", "–", "Dag 0"], rows["Opfølgning efter 1 år"]);
        Assert.Equal(["5 år", "–", "Programstart"], rows["Programmets længste varighed"]);
        Assert.Equal(["1 måned", "2 uger", "Dag 0"], rows["Første virksomhedsrettede tilbud"]);
        Assert.Equal(["6 måneder", "–", "Dag 0"], rows["Tilbud om helbredsvurdering"]);
    }

    [Fact]
    public async Task NationalRules_InEnglish()
    {
        using var admin = await Browser.SignedInEnglishAsync(factory, "admin");

        var rows = await NationalRowsAsync(admin);

        Assert.Contains(["1 year", "–", "Day 0"], rows.Values);
        Assert.Contains(["5 years", "–", "Programme start"], rows.Values);
        Assert.Contains(["1 month", "2 weeks", "Day 0"], rows.Values);
        Assert.Contains(["6 months", "–", "Day 0"], rows.Values);
        Assert.DoesNotContain(rows.Values, r => r.Any(cell => cell.Contains("måned", StringComparison.Ordinal) || cell.Contains("Day0", StringComparison.Ordinal)));
    }

    /// <summary>The first national rule set's rows by deadline: period, national target, counted from.</summary>
    private static async Task<Dictionary<string, string[]>> NationalRowsAsync(Browser admin) =>
        new HtmlParser().ParseDocument(await admin.GetPageAsync("/Admin/RuleSets")).QuerySelector("table")!
            .QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[1..4]);
}
