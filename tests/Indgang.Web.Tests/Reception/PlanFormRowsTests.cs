using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// PLAN-2: "Min plan" is never full. The form offers blank rows after what is saved (a goal and two activities), so a
/// plan of three goals and six activities gets a fourth and a seventh (it had no row for them). An activity's date before
/// the integration act (a mistyped year 0001) is refused beside the field.
/// </summary>
public sealed class PlanFormRowsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task AFullPlan_OffersBlankRowsAfterIt_AndASeventhActivityIsSaved()
    {
        var person = await PersonAsync("Seksaktiv");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using (var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(goals: 3, activities: 6, version: null)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan"));
        Assert.Equal(4, page.QuerySelectorAll("input[name$='].Text'][name^='Input.Goals']").Length);
        Assert.Equal(8, page.QuerySelectorAll("select[name$='].Kind']").Length);
        Assert.Equal("", page.QuerySelector("input[name='Input.Goals[3].Text']")!.GetAttribute("value") ?? "");
        Assert.Equal("", page.QuerySelector("input[name='Input.Activities[6].Title']")!.GetAttribute("value") ?? "");

        var version = await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.Version).SingleAsync());
        using (var more = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(goals: 4, activities: 7, version)))
        {
            Assert.Equal(HttpStatusCode.Redirect, more.StatusCode);
        }

        page = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan"));
        Assert.Equal("Mål 4", page.QuerySelector("input[name='Input.Goals[3].Text']")!.GetAttribute("value"));
        Assert.Equal("Aktivitet 7", page.QuerySelector("input[name='Input.Activities[6].Title']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Goals[4].Text']"));
        Assert.NotNull(page.QuerySelector("select[name='Input.Activities[8].Kind']"));
    }

    [Theory]
    [InlineData("Start", "0001-03-01", "")]
    [InlineData("End", "2027-03-01", "0001-03-01")]
    public async Task AnActivityDateBeforeTheIntegrationAct_IsRefusedBesideTheField(string field, string start, string end)
    {
        var person = await PersonAsync($"Tidlig{field}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Form(goals: 0, activities: 1, version: null);
        form["Input.Activities[0].Start"] = start;
        form["Input.Activities[0].End"] = end;

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            "Fejl: Datoen kan ikke ligge før 1. januar 1999, hvor integrationsloven trådte i kraft. Tjek årstallet.",
            page.QuerySelector($"#Input_Activities_0__{field}-error")?.TextContent);
        Assert.Equal("0001-03-01", page.QuerySelector($"input[name='Input.Activities[0].{field}']")!.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));
    }

    /// <summary>
    /// A goal, a sub-goal or a title longer than the printed plan holds (20,000 characters ran off the paper), too many
    /// sub-goals is refused beside its field, what was typed kept, nothing saved.
    /// </summary>
    [Theory]
    [InlineData("Input.Goals[0].Text", 501, "Input_Goals_0__Text", "Målet må højst være 500 tegn.")]
    [InlineData("Input.Goals[0].SubGoals", 501, "Input_Goals_0__SubGoals", "Hvert delmål må højst være 500 tegn.")]
    [InlineData("Input.Goals[0].SubGoals", -21, "Input_Goals_0__SubGoals", "Et mål kan højst have 20 delmål.")]
    [InlineData("Input.Activities[0].Title", 201, "Input_Activities_0__Title", "Titlen må højst være 200 tegn.")]
    public async Task TooLongOrNoChoice_IsRefusedBesideTheField(string field, int size, string id, string message)
    {
        var person = await PersonAsync($"Planlængde{id}{size}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = Form(goals: 1, activities: 1, version: null);
        form[field] = size < 0 ? string.Join('\n', Enumerable.Range(1, -size).Select(i => $"Delmål {i}")) : new string('x', size);

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Fejl: {message}", page.QuerySelector($"#{id}-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='#{id}']"));
        if (size > 0)
        {
            Assert.Contains(new string('x', size), page.QuerySelector($"[name='{field}']")!.GetAttribute("value") ?? page.QuerySelector($"[name='{field}']")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));
    }

    private static Dictionary<string, string> Form(int goals, int activities, Guid? version)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = version?.ToString() ?? "" };
        for (var i = 0; i < goals; i++)
        {
            form[$"Input.Goals[{i}].Text"] = $"Mål {i + 1}";
        }

        for (var i = 0; i < activities; i++)
        {
            form[$"Input.Activities[{i}].Kind"] = "JobSearch";
            form[$"Input.Activities[{i}].Title"] = $"Aktivitet {i + 1}";
            form[$"Input.Activities[{i}].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(i + 1));
            form[$"Input.Activities[{i}].Status"] = "Planned";
        }

        return form;
    }

    private async Task<Guid> PersonAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName, firstName: "Rækkerid");
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }
}
