using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>A household's housing is personal data: the pipeline's writes and the pages that show it are audited.</summary>
public sealed class HousingAuditTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task Pipeline_RegistrationOfferAcceptAndTheOverview_AreInTheAuditLog()
    {
        var household = await factory.RegisterSingleAsync("Revision");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var today = Arrivals.Iso(Arrivals.Today);

        using var registered = await housing.PostFormAsync("/Housing/Pipeline?handler=Registration", new Dictionary<string, string> { ["HouseholdId"] = household.ToString(), ["Association"] = "Allerød Boligselskab", ["RegisteredOn"] = today }, formPage: "/Housing/Pipeline");
        using var offered = await housing.PostFormAsync("/Housing/Pipeline?handler=Offer", new Dictionary<string, string> { ["OfferHouseholdId"] = household.ToString(), ["Address"] = "Kirkevej 9", ["OfferedOn"] = today }, formPage: "/Housing/Pipeline");
        var offer = await factory.QueryAsync(db => db.HousingOffers.Where(o => o.HouseholdId == household).Select(o => o.Id).SingleAsync());
        using var accepted = await housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string> { ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Arrivals.Today.AddDays(30)) }, formPage: "/Housing/Pipeline");
        Assert.All([registered, offered, accepted], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var readsBefore = await EntriesAsync(AuditAction.HouseholdRead, household);

        await housing.GetPageAsync("/Housing/Pipeline");

        var writes = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.HouseholdUpdated && e.Details!.StartsWith($"Husstand {household:D}:"))
            .OrderBy(e => e.Sequence).Select(e => e.Purpose).ToListAsync());
        Assert.Equal(["Vejen til permanent bolig: opskrivning", "Vejen til permanent bolig: tilbud", "Vejen til permanent bolig: tilbud accepteret"], writes);
        Assert.All(await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.HouseholdUpdated && e.Details!.StartsWith($"Husstand {household:D}:")).Select(e => e.Actor).ToListAsync()),
            actor => Assert.Equal("bolig", actor));
        Assert.Equal(readsBefore + 1, await EntriesAsync(AuditAction.HouseholdRead, household));
    }

    [Fact]
    public async Task UnitDetails_Residents_AreReadInTheAuditLog()
    {
        var household = await factory.RegisterSingleAsync("Beboer");
        var unit = await factory.UnitIdAsync("Pavillon B");
        await factory.MovedInAsync(unit, household, Arrivals.Today);

        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await EntriesAsync(AuditAction.HouseholdRead, household);

        var page = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));

        Assert.Contains("Solo Beboer", page, StringComparison.Ordinal);
        Assert.Equal(before + 1, await EntriesAsync(AuditAction.HouseholdRead, household));
    }

    private Task<int> EntriesAsync(AuditAction action, Guid household) =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Details!.StartsWith($"Husstand {household:D}")));
}
