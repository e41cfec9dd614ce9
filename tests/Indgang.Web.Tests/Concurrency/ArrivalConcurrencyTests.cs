using System.Globalization;
using System.Net;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The arrival form guards the dates it showed, not the whole household: a member added or a coordinator chosen by
/// another while it was open does not stop the save (nothing the form shows changed); dates saved by another still do,
/// also when both press Gem at the same moment.
/// </summary>
public sealed class ArrivalConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Conflict = "Husstanden er ændret af en anden, mens du rettede ankomsten.";
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Fact]
    public async Task MemberAddedByAnotherWhileEditing_TheDateIsSaved_WithoutAConflict_AndLoggedForEveryMember()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Ankomstmedlem", expected);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(household));
        var added = await (await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember")).PostAsync(ReassignConcurrencyTests.Child("Ankomstmedlem", expected));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);

        var saved = await form.PostAsync(Dates(expected.AddDays(4)));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(expected.AddDays(4), await StoredAsync(household));
        var members = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).ToListAsync());
        Assert.Equal(2, members.Count);
        foreach (var member in members)
        {
            Assert.Equal(1, await factory.AuditCountAsync(AuditAction.ArrivalChanged, member));
        }
    }

    [Fact]
    public async Task CoordinatorChosenByAnotherWhileEditing_TheDateIsSaved_WithoutAConflict()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Ankomstskift", expected);
        var lone = await factory.CreateCoordinatorAsync("koordinator-lone", "Lone Lund");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(household));
        var reassigned = await (await OpenedForm.OpenAsync(b, $"/Households/{household}/Reassign")).PostAsync(new Dictionary<string, string> { ["CoordinatorUserId"] = lone });
        Assert.Equal(HttpStatusCode.Redirect, reassigned.Status);

        var saved = await form.PostAsync(Dates(expected.AddDays(2)));

        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Html);
        Assert.Equal(expected.AddDays(2), await StoredAsync(household));
        Assert.Equal(lone, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorUserId).SingleAsync()));
    }

    [Fact]
    public async Task DateSavedByAnotherAfterAMemberWasAdded_StillAConflict_TheirDateShown()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Ankomstbegge", expected);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(a, Url(household));
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember")).PostAsync(ReassignConcurrencyTests.Child("Ankomstbegge", expected))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await (await OpenedForm.OpenAsync(b, Url(household))).PostAsync(Dates(expected.AddDays(5)))).Status);

        var conflict = await form.PostAsync(Dates(expected.AddDays(3)));

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains($"<li>{Conflict}", conflict.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"ExpectedArrival-saved\">Gemt af en anden: {expected.AddDays(5).ToString("d. MMMM yyyy", Danish)}</span>", conflict.Html, StringComparison.Ordinal);
        Assert.Equal(expected.AddDays(5), await StoredAsync(household));
    }

    [Fact]
    public async Task TwoSaveAtOnce_OneIsSaved_TheOtherIsShownIt()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Ankomstsamtidig", expected);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household));
        var formB = await OpenedForm.OpenAsync(b, Url(household));
        DateOnly[] dates = [expected.AddDays(2), expected.AddDays(6)];

        var results = await Task.WhenAll(formA.PostAsync(Dates(dates[0])), formB.PostAsync(Dates(dates[1])));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var winner = Array.FindIndex(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains($"<li>{Conflict}", loser.Html, StringComparison.Ordinal);
        Assert.Contains($"id=\"ExpectedArrival-saved\">Gemt af en anden: {dates[winner].ToString("d. MMMM yyyy", Danish)}</span>", loser.Html, StringComparison.Ordinal);
        Assert.Equal(dates[winner], await StoredAsync(household));
        var member = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.ArrivalChanged, member));
    }

    /// <summary>
    /// A member added at the very moment the date is saved changes the household between the arrival's read and its
    /// write: the arrival is not refused for it (nothing it showed changed).
    /// </summary>
    [Fact]
    public async Task MemberAddedAtTheSameMoment_TheDateIsStillSaved_NeverA500()
    {
        var expected = Today.AddDays(12);
        var household = await RegisterAsync("Ankomstøjeblik", expected);
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var arrival = await OpenedForm.OpenAsync(a, Url(household));
        var addMember = await OpenedForm.OpenAsync(b, $"/Households/{household}/AddMember");

        var results = await Task.WhenAll(arrival.PostAsync(Dates(expected.AddDays(1))), addMember.PostAsync(ReassignConcurrencyTests.Child("Ankomstøjeblik", expected)));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.True(results[0].Status == HttpStatusCode.Redirect, results[0].Html);
        Assert.Equal(expected.AddDays(1), await StoredAsync(household));
    }

    private static string Url(Guid household) => $"/Households/{household}/Arrival";

    private static Dictionary<string, string> Dates(DateOnly expected) => new() { ["ExpectedArrival"] = Iso(expected), ["ArrivedOn"] = "" };

    private Task<DateOnly?> StoredAsync(Guid household) => factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync());

    private Task<Guid> RegisterAsync(string lastName, DateOnly expected) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, expected, [new ArrivalMember("Ny", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee)]));
}
