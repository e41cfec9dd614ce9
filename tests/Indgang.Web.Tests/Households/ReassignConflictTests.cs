using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// Two coordinators hand one household on at the same time: the one who saves second is not silently overwritten
/// (before, the last save won), sees whom the other chose beside the field, and saves their own choice by pressing the
/// button again.
/// </summary>
public sealed class ReassignConflictTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task ReassignedByAnotherWhileChoosing_TheirChoiceShownBesideMine_PressingAgainSavesMine()
    {
        var household = await RegisterAsync("Skiftesen");
        const string bodilName = "Bodil Bang";
        var bodil = await factory.CreateCoordinatorAsync("koordinator-bodil", bodilName);
        var carl = await factory.CreateCoordinatorAsync("koordinator-carl", "Carl Cortsen");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(household)), "Version");
        using var bSaved = await b.PostFormAsync(Url(household), Form(bodil, HiddenFields.Value(await b.GetPageAsync(Url(household)), "Version")));
        Assert.Equal(HttpStatusCode.Redirect, bSaved.StatusCode);

        using var conflict = await a.PostFormAsync(Url(household), Form(carl, opened));
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("<li>Husstanden er ændret af en anden, mens du skiftede koordinator.", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"CoordinatorUserId-saved\">Gemt af en anden: {bodilName}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{carl}\" selected>", html, StringComparison.Ordinal);
        Assert.Equal(bodil, await CoordinatorAsync(household));
        Assert.Equal(1, await ReassignmentsLoggedAsync(household));

        using var again = await a.PostFormAsync(Url(household), Form(carl, HiddenFields.Value(html, "Version")));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(carl, await CoordinatorAsync(household));
        Assert.Equal(2, await ReassignmentsLoggedAsync(household));
    }

    /// <summary>
    /// The arrival is not on the form: moved by another while choosing, it does not stop the choice (before, the save was
    /// refused with nothing beside the field, and only a second press saved it).
    /// </summary>
    [Fact]
    public async Task ArrivalChangedWhileChoosing_NothingTheFormShowsChanged_TheChoiceIsSaved()
    {
        var household = await RegisterAsync("Ankomstsen");
        var dorte = await factory.CreateCoordinatorAsync("koordinator-dorte", "Dorte Dahl");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        var opened = HiddenFields.Value(await a.GetPageAsync(Url(household)), "Version");
        await factory.QueryAsync(async db =>
        {
            var saved = await db.Households.SingleAsync(h => h.Id == household);
            saved.SetArrival(Arrivals.Today.AddDays(20), null);
            return await db.SaveChangesAsync();
        });

        using var response = await a.PostFormAsync(Url(household), Form(dorte, opened));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(dorte, await CoordinatorAsync(household));
        Assert.Equal(1, await ReassignmentsLoggedAsync(household));
        Assert.Equal(Arrivals.Today.AddDays(20), await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.ExpectedArrival).SingleAsync()));
    }

    [Fact]
    public async Task NoVersionPosted_CountsAsStale_NotAsTheLastWordOnTheHousehold()
    {
        var household = await RegisterAsync("Versionsløs");
        var erik = await factory.CreateCoordinatorAsync("koordinator-erik", "Erik Eg");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        var before = await CoordinatorAsync(household);

        using var stale = await a.PostFormAsync(Url(household), new Dictionary<string, string> { ["CoordinatorUserId"] = erik });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(before, await CoordinatorAsync(household));
    }

    private static string Url(Guid household) => $"/Households/{household}/Reassign";

    private static Dictionary<string, string> Form(string coordinator, string version) => new()
    {
        ["CoordinatorUserId"] = coordinator, ["Version"] = version,
    };

    private Task<string> CoordinatorAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorUserId).SingleAsync());

    private Task<int> ReassignmentsLoggedAsync(Guid household) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.CoordinatorReassigned && e.Details!.Contains(household.ToString())));

    private Task<Guid> RegisterAsync(string lastName) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today.AddDays(12), [new ArrivalMember("Ny", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.QuotaRefugee)]));
}
