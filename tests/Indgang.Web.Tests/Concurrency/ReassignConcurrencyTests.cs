using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The coordinator reassignment form guards the coordinator it showed, not the whole household: a member added by
/// another while it was open (the household's version changes) does not stop the save, as nothing the form shows
/// changed; a coordinator chosen by another still does, also when both press the button at the same moment.
/// </summary>
public sealed class ReassignConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Conflict = "Husstanden er ændret af en anden, mens du skiftede koordinator.";

    [Fact]
    public async Task MemberAddedByAnotherWhileChoosing_TheChoiceIsSaved_WithoutAConflict()
    {
        var (household, _) = await factory.AdultAsync("Skiftmedlem");
        var frida = await factory.CreateCoordinatorAsync("koordinator-frida", "Frida Fisker");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(household));
        var added = await (await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember")).PostAsync(Child("Skiftmedlem"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);

        var saved = await form.PostAsync(Chosen(frida));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(frida, await CoordinatorAsync(household));
        Assert.Equal(2, await factory.QueryAsync(db => db.Persons.CountAsync(p => p.HouseholdId == household)));
        Assert.EndsWith($" → {frida}", Assert.Single(await ReassignmentsLoggedAsync(household)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorChosenByAnotherAfterAMemberWasAdded_StillAConflict_TheirChoiceShown()
    {
        var (household, _) = await factory.AdultAsync("Skiftbegge");
        var gustav = await factory.CreateCoordinatorAsync("koordinator-gustav", "Gustav Grøn");
        var hanne = await factory.CreateCoordinatorAsync("koordinator-hanne", "Hanne Hald");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(household));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember")).PostAsync(Child("Skiftbegge"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household))).PostAsync(Chosen(gustav))).Status);

        var conflict = await form.PostAsync(Chosen(hanne));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Conflict}", conflict.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"CoordinatorUserId-saved\">Gemt af en anden: Gustav Grøn</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(gustav, await CoordinatorAsync(household));

        var again = await OpenedForm.Of(a, Url(household), conflict.Html).PostAsync(Chosen(hanne));

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(hanne, await CoordinatorAsync(household));
        Assert.Equal(2, (await ReassignmentsLoggedAsync(household)).Count);
    }

    [Fact]
    public async Task TwoChooseAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var (household, _) = await factory.AdultAsync("Skiftsamtidig");
        var ida = await factory.CreateCoordinatorAsync("koordinator-ida", "Ida Isaksen");
        var jens = await factory.CreateCoordinatorAsync("koordinator-jens", "Jens Juul");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household));
        var formB = await OpenedForm.OpenAsync(b, Url(household));

        var results = await Task.WhenAll(formA.PostAsync(Chosen(ida)), formB.PostAsync(Chosen(jens)));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Conflict}", loser.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"CoordinatorUserId-saved\">Gemt af en anden: {(winner == 0 ? "Ida Isaksen" : "Jens Juul")}</span>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(winner == 0 ? ida : jens, await CoordinatorAsync(household));
        Assert.Single(await ReassignmentsLoggedAsync(household));
    }

    /// <summary>
    /// A member added at the very moment the choice is saved changes the household between the reassignment's read and
    /// its write: the reassignment is not refused for it (nothing it showed changed), and nothing is lost.
    /// </summary>
    [Fact]
    public async Task MemberAddedAtTheSameMoment_TheChoiceIsStillSaved_NeverA500()
    {
        var (household, _) = await factory.AdultAsync("Skiftøjeblik");
        var karen = await factory.CreateCoordinatorAsync("koordinator-karen", "Karen Krog");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var reassign = await OpenedForm.OpenAsync(a, Url(household));
        var addMember = await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember");

        var results = await Task.WhenAll(reassign.PostAsync(Chosen(karen)), addMember.PostAsync(Child("Skiftøjeblik")));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.True(results[0].Status == HttpStatusCode.Redirect, results[0].Html);
        Assert.Equal(karen, await CoordinatorAsync(household));
        Assert.Single(await ReassignmentsLoggedAsync(household));
    }

    private static string Url(Guid household) => $"/Households/{household}/Reassign";

    private static Dictionary<string, string> Chosen(string coordinator) => new() { ["CoordinatorUserId"] = coordinator };

    /// <summary>A child joining by family reunification, come to the municipality on <paramref name="joinedOn"/> (default today).</summary>
    internal static Dictionary<string, string> Child(string lastName, DateOnly? joinedOn = null) => new()
    {
        ["Input.Members[0].FirstName"] = "Sara",
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-7)),
        ["Input.Members[0].Gender"] = "Female",
        ["Input.Members[0].Basis"] = "FamilyReunified",
        ["Input.Members[0].RelationToFirst"] = "Child",
        ["JoinedOn"] = Iso(joinedOn ?? Today),
        ["CprRegisteredOn"] = Iso(Today),
    };

    private Task<string> CoordinatorAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorUserId).SingleAsync());

    /// <summary>The details of the reassignments logged for the household ("Husstand …: from → to"), oldest first.</summary>
    private Task<List<string>> ReassignmentsLoggedAsync(Guid household) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.CoordinatorReassigned && e.Details!.Contains(household.ToString()))
            .OrderBy(e => e.Sequence).Select(e => e.Details!).ToListAsync());
}
