using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// The printed plan the person takes home says which version it is, the day that version was saved and the day it was
/// printed: it said "Version 2 · Udskrevet fra Indgang", no date at all (and "Version 0" for a plan not saved yet), so
/// neither the person nor the caseworker could tell a paper from an older one.
/// </summary>
public sealed class PrintedPlanDateTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task ThePrintedPlan_NamesItsVersionTheDayItWasSavedAndTheDayItIsPrinted()
    {
        await factory.RegisterSingleAsync("Udskriftsdato");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.LastName == "Udskriftsdato").Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var today = Arrivals.Today.ToString("d. MMMM yyyy", Danish);

        var unsaved = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan/Print"));
        Assert.Equal($"Planen er ikke gemt endnu · Udskrevet {today} fra Indgang", Normalized(unsaved.QuerySelector("[data-testid='printed']")?.TextContent));

        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", new Dictionary<string, string>
        {
            ["Input.Version"] = "",
            ["Input.Goals[0].Text"] = "Job i detailhandlen",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var printed = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan/Print"));
        Assert.Equal($"Version 1, gemt {today} · Udskrevet {today} fra Indgang", Normalized(printed.QuerySelector("[data-testid='printed']")?.TextContent));
    }

    [Fact]
    public async Task ThePrintedPlan_NamesAnActivityWithoutADescriptionByItsTypeOnce_AndOneWithADescriptionByBoth()
    {
        await factory.RegisterSingleAsync("Udskriftstype");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.LastName == "Udskriftstype").Select(p => p.Id).SingleAsync());
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", new Dictionary<string, string>
        {
            ["Input.Version"] = "",
            ["Input.Activities[0].Kind"] = "DanishEducation",
            ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(1)),
            ["Input.Activities[0].Status"] = "Planned",
            ["Input.Activities[1].Kind"] = "DanishEducation",
            ["Input.Activities[1].Title"] = "Dansk 2, aftenhold",
            ["Input.Activities[1].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(2)),
            ["Input.Activities[1].Status"] = "Planned",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var printed = Parser.ParseDocument(await coordinator.GetPageAsync($"/People/{person}/Plan/Print"));
        var names = printed.QuerySelectorAll("tbody tr td:first-child").Select(td => Normalized(td.TextContent)).ToList();
        Assert.Equal(["Danskuddannelse", "Dansk 2, aftenhold Danskuddannelse"], names);
    }

    private static string? Normalized(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
