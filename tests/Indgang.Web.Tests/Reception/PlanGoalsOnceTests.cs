using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Plans;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// PLAN-2: a goal stands once in "Min plan" (the same text twice, in another case or with spaces around it, is refused
/// beside the second, with what was typed kept), and a plan saved with the same goal twice before that rule still shows
/// its history (it failed with a server error).
/// </summary>
public sealed class PlanGoalsOnceTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task TheSameGoalTwice_IsRefusedBesideTheSecond_NothingSaved()
    {
        var person = await PersonAsync("Dobbeltmål");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(("Lære dansk", ""), ("Få et job", ""), ("lære dansk  ", "Modul 2")));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(
            "Fejl: Målet står allerede i planen som mål 1. Skriv hvert mål én gang, og saml delmålene under det.",
            page.QuerySelector("#Input_Goals_2__Text-error")?.TextContent);
        Assert.Null(page.QuerySelector("#Input_Goals_0__Text-error"));
        Assert.Equal("lære dansk  ", page.QuerySelector("input[name='Input.Goals[2].Text']")!.GetAttribute("value"));
        Assert.Equal("Modul 2", page.QuerySelector("textarea[name='Input.Goals[2].SubGoals']")!.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));
    }

    [Fact]
    public async Task APlanSavedWithTheSameGoalTwice_ShowsItsHistory()
    {
        var person = await PersonAsync("Dobbelthistorie");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(("Lære dansk", "")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // As a version saved before the rule holds it.
        var twice = PlanVersion.Serialize(new PlanContent([new("Lære dansk", []), new("Lære dansk", [])], []));
        await factory.QueryAsync(db => db.PlanVersions.Where(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == person))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ContentJson, twice)));

        using var history = await coordinator.GetAsync($"/People/{person}/Plan/History");

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var rows = Parser.ParseDocument(await history.Content.ReadAsStringAsync()).QuerySelectorAll(".plan-changes tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Tilføjet | Mål | – | Lære dansk", "Tilføjet | Mål | – | Lære dansk"], rows);
    }

    private static Dictionary<string, string> Form(params (string Text, string SubGoals)[] goals)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = "" };
        for (var i = 0; i < goals.Length; i++)
        {
            form[$"Input.Goals[{i}].Text"] = goals[i].Text;
            form[$"Input.Goals[{i}].SubGoals"] = goals[i].SubGoals;
        }

        return form;
    }

    private async Task<Guid> PersonAsync(string lastName)
    {
        var household = await factory.RegisterSingleAsync(lastName, firstName: "Målrid");
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
    }
}
