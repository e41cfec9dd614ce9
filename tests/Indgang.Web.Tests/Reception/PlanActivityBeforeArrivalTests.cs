using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Plans;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Reception;

/// <summary>
/// An activity in "Min plan" cannot start before the person came, nor before they were born (CaseDayBounds, as a deadline
/// met or a contract signed): an activity starting in 2001 for a quota refugee who came 20 days ago was saved. Refused
/// beside the activity's start, with the error summary, what was typed kept and nothing saved. Only an activity new in the
/// save, or whose start changed, is bounded: a plan that already holds such an activity is still saved.
/// </summary>
public sealed class PlanActivityBeforeArrivalTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();
    private static readonly DateOnly Came = Today.AddDays(-20);

    [Fact]
    public async Task AnActivityStartingYearsBeforeThePersonCame_IsRefusedBesideItsStart_NothingSaved_TheArrivalDayIsSaved()
    {
        var person = (await factory.RegisterQuotaRefugeeAsync("Aktivitetfør", Came)).Person;
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        using var refused = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(null, ("Danskkursus", "2001-01-01"), ("Praktik", Iso(Today))));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var message = $"Datoen kan ikke ligge før personens ankomst ({DanishDates.Written(Came)}). Er ankomsten forkert, så ret den først.";
        Assert.Equal($"Fejl: {message}", page.QuerySelector("#Input_Activities_0__Start-error")?.TextContent);
        Assert.Null(page.QuerySelector("#Input_Activities_1__Start-error"));
        Assert.Equal(message, page.QuerySelector("a[href='#Input_Activities_0__Start']")?.TextContent);
        Assert.Equal("2001-01-01", page.QuerySelector("input[name='Input.Activities[0].Start']")!.GetAttribute("value"));
        Assert.Equal("Danskkursus", page.QuerySelector("input[name='Input.Activities[0].Title']")!.GetAttribute("value"));
        Assert.False(await factory.QueryAsync(db => db.Plans.AnyAsync(p => p.PersonId == person)));

        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(null, ("Danskkursus", Iso(Came))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task APlanHoldingAnActivityFromBeforeTheArrival_IsStillSaved_ButItsStartMovedOrANewOneSoEarlyIsRefused()
    {
        var (person, version) = await PlanHoldingAnActivityFrom2001Async("Gammelaktivitet");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        // Its date moved to another day before the arrival, or a new activity that early: refused.
        using (var moved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(version, ("Danskkursus", "2002-01-01"))))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.NotNull(Parser.ParseDocument(await moved.Content.ReadAsStringAsync()).QuerySelector("#Input_Activities_0__Start-error"));
        }

        using (var added = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(version, ("Danskkursus", "2001-01-01"), ("Praktik", "2001-01-01"))))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            var page = Parser.ParseDocument(await added.Content.ReadAsStringAsync());
            Assert.Null(page.QuerySelector("#Input_Activities_0__Start-error"));
            Assert.NotNull(page.QuerySelector("#Input_Activities_1__Start-error"));
        }

        // Kept as saved, retitled, and with a new activity after the arrival: saved.
        using var saved = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(version, ("Dansk modul 1", "2001-01-01"), ("Praktik", Iso(Today))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.PlanVersions.CountAsync(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == person))));
    }

    [Fact]
    public async Task AnActivityFromBeforeTheArrivalRemoved_AndANewOneAddedOnItsDate_IsRefusedBesideTheNewOnesStart()
    {
        var (person, version) = await PlanHoldingAnActivityFrom2001Async("Erstattetaktivitet");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");

        // The old activity's row emptied (removed), and a new activity in the next row on the old one's date: it is new,
        // and before the arrival. Before, it was let through as the saved activity, since the saved plan held its date.
        var form = Form(version, ("", ""), ("Praktik", "2001-01-01"));
        form["Input.Activities[0].Kind"] = "";
        using var replaced = await coordinator.PostFormAsync($"/People/{person}/Plan", form);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var page = Parser.ParseDocument(await replaced.Content.ReadAsStringAsync());
        var message = $"Datoen kan ikke ligge før personens ankomst ({DanishDates.Written(Came)}). Er ankomsten forkert, så ret den først.";
        Assert.Equal($"Fejl: {message}", page.QuerySelector("#Input_Activities_1__Start-error")?.TextContent);
        Assert.Equal("Praktik", page.QuerySelector("input[name='Input.Activities[1].Title']")!.GetAttribute("value"));
        Assert.Equal(1, await factory.QueryAsync(db => db.PlanVersions.CountAsync(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == person))));
    }

    /// <summary>
    /// A person who came on <see cref="Came"/> with a plan holding one activity (»Danskkursus«) from 1 January 2001, as a
    /// version saved before the rule that activities start no earlier than the arrival holds it; and the plan's version.
    /// </summary>
    private async Task<(Guid Person, Guid Version)> PlanHoldingAnActivityFrom2001Async(string lastName)
    {
        var person = (await factory.RegisterQuotaRefugeeAsync(lastName, Came)).Person;
        using (var coordinator = await Browser.SignedInAsync(factory, "koordinator"))
        using (var first = await coordinator.PostFormAsync($"/People/{person}/Plan", Form(null, ("Danskkursus", Iso(Today)))))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var old = PlanVersion.Serialize(new PlanContent([], [new(ActivityKind.JobSearch, "Danskkursus", null, new DateOnly(2001, 1, 1), null, ActivityStatus.Planned)]));
        await factory.QueryAsync(db => db.PlanVersions.Where(v => db.Plans.Any(p => p.Id == v.PlanId && p.PersonId == person))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ContentJson, old)));
        return (person, await factory.QueryAsync(db => db.Plans.Where(p => p.PersonId == person).Select(p => p.Version).SingleAsync()));
    }

    private static Dictionary<string, string> Form(Guid? version, params (string Title, string Start)[] activities)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = version?.ToString() ?? "" };
        for (var i = 0; i < activities.Length; i++)
        {
            form[$"Input.Activities[{i}].Kind"] = "JobSearch";
            form[$"Input.Activities[{i}].Title"] = activities[i].Title;
            form[$"Input.Activities[{i}].Start"] = activities[i].Start;
            form[$"Input.Activities[{i}].Status"] = "Planned";
        }

        return form;
    }
}
