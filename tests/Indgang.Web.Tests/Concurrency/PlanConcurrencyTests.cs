using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// "Min plan" guards the plan's content, which the form shows, not its extension at the one-year review, which it does
/// not: a plan extended by another while the form was open is saved as the next version without a conflict (before, the
/// save was refused as "gemt af" the author of the last version, with nothing beside the fields); content saved by
/// another still refuses it, also when both press "Gem planen" at the same moment.
/// </summary>
public sealed class PlanConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Conflict = ", efter du åbnede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet.";

    [Fact]
    public async Task ExtendedByAnotherWhileEditing_ThePlanIsSaved_WithoutAConflict_TheExtensionKept()
    {
        var (_, person) = await factory.AdultAsync("Planforlænget");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        await CreatePlanAsync(a, person);
        var form = await OpenedForm.OpenAsync(a, Url(person));
        await factory.QueryAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.PersonId == person);
            plan.Extend("Ikke selvforsørgende ved 1-årsopfølgningen", Arrivals.Today);
            return await db.SaveChangesAsync();
        });

        var saved = await form.PostAsync(Goal("Mit nye mål"));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        var stored = await factory.QueryAsync(db => db.Plans.Include(p => p.Versions).SingleAsync(p => p.PersonId == person));
        Assert.Equal(2, stored.CurrentVersionNumber);
        Assert.Equal("Mit nye mål", stored.Versions.Single(v => v.Number == 2).Content.Goals[0].Text);
        Assert.Equal("Ikke selvforsørgende ved 1-årsopfølgningen", stored.ExtensionReason);
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PlanSaved, person));
    }

    [Fact]
    public async Task TwoSaveAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var (_, person) = await factory.AdultAsync("Plansamtidig");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        await CreatePlanAsync(a, person);
        var formA = await OpenedForm.OpenAsync(a, Url(person));
        var formB = await OpenedForm.OpenAsync(b, Url(person));
        string[] goals = ["A's mål", "B's mål"];

        var results = await Task.WhenAll(formA.PostAsync(Goal(goals[0])), formB.PostAsync(Goal(goals[1])));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains(Conflict, loser.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"Input_Goals_0__Text-saved\">Gemt af en anden: {goals[winner]}</span>", loser.Html, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.Plans.Include(p => p.Versions).SingleAsync(p => p.PersonId == person));
        Assert.Equal(2, stored.CurrentVersionNumber);
        Assert.Equal(goals[winner], stored.Versions.Single(v => v.Number == 2).Content.Goals[0].Text);
        Assert.Equal(2, await factory.AuditCountAsync(AuditAction.PlanSaved, person));
    }

    private static string Url(Guid person) => $"/People/{person}/Plan";

    private static async Task CreatePlanAsync(Browser browser, Guid person) =>
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(browser, Url(person))).PostAsync(Goal("Ordinært job inden for 2 år"))).Status);

    private static Dictionary<string, string> Goal(string goal) => new()
    {
        ["Input.Goals[0].Text"] = goal,
        ["Input.Goals[0].SubGoals"] = "Dansk niveau 2",
        ["Input.Activities[0].Kind"] = "DanishEducation",
        ["Input.Activities[0].Title"] = "Danskuddannelse modul 1",
        ["Input.Activities[0].Start"] = Arrivals.Iso(Arrivals.Today.AddDays(7)),
        ["Input.Activities[0].End"] = Arrivals.Iso(Arrivals.Today.AddMonths(6)),
        ["Input.Activities[0].Status"] = "Planned",
    };
}
