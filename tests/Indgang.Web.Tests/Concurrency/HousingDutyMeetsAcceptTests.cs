using System.Net;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The coordinator records that a family-reunified household will live with the person it joined in the very moment the
/// housing coordinator records that it accepts a permanent home offered through us. Whichever saves first stands; the
/// other is refused, with why, and the household is never both without a home from us and moving to one through us.
/// </summary>
public sealed class HousingDutyMeetsAcceptTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task LivesWithResidentTickedAtTheMomentOfAnAcceptance_TheTickStands_TheAcceptanceIsRefused()
    {
        var (household, offer) = await OfferedAsync("Samtidigjaførst");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/HousingDuty"), "Version");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        HttpResponseMessage? ticked = null;
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.Entity.Id == offer && e.State == EntityState.Modified),
            async () => ticked = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", Tick(version)));

        using var accepted = await AcceptAsync(housing, offer);

        using (ticked)
        {
            Assert.Equal(HttpStatusCode.Redirect, ticked?.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(PermanentHousingSteps.LivesWithReferencePerson, WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await LivesWithResidentAsync(household));
        Assert.Equal(OfferStatus.Pending, await StatusAsync(offer));
    }

    [Fact]
    public async Task AnAcceptanceAtTheMomentLivesWithResidentIsTicked_TheAcceptanceStands_TheTickIsRefused()
    {
        var (household, offer) = await OfferedAsync("Samtidigherboendeførst");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var version = HiddenFields.Value(await coordinator.GetPageAsync($"/Households/{household}/HousingDuty"), "Version");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        HttpResponseMessage? accepted = null;
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<Household>().Any(e => e.Entity.Id == household && e.Property(h => h.LivesWithReferencePerson).IsModified),
            async () => accepted = await AcceptAsync(housing, offer));

        using var ticked = await coordinator.PostFormAsync($"/Households/{household}/HousingDuty", Tick(version));

        using (accepted)
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted?.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        Assert.Contains("Husstanden har takket ja til en permanent bolig gennem kommunen: Åvej 2, st.", WebUtility.HtmlDecode(await ticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await LivesWithResidentAsync(household));
        Assert.Equal(OfferStatus.Accepted, await StatusAsync(offer));
    }

    /// <summary>A family-reunified household not housed by us, offered a home through the pipeline.</summary>
    private async Task<(Guid Household, Guid Offer)> OfferedAsync(string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
            [new ArrivalMember("Hustru", lastName, new DateOnly(1992, 5, 1), Gender.Female, ResidenceBasis.FamilyReunified)]));
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Åvej 2, st.", Arrivals.Today.AddDays(-2))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        return (household, offer);
    }

    /// <summary>The housing coordinator records on the pipeline that the household says yes, moving in a month.</summary>
    private static Task<HttpResponseMessage> AcceptAsync(Browser housing, Guid offer) =>
        housing.PostFormAsync("/Housing/Pipeline?handler=Accept", new Dictionary<string, string>
        {
            ["OfferId"] = offer.ToString(), ["MoveDate"] = Arrivals.Iso(Arrivals.Today.AddDays(30)),
        }, formPage: "/Housing/Pipeline");

    private static Dictionary<string, string> Tick(string version) => new() { ["Version"] = version, ["LivesWithReferencePerson"] = "true" };

    private Task<bool> LivesWithResidentAsync(Guid household) =>
        factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.LivesWithReferencePerson).SingleAsync());

    private Task<OfferStatus> StatusAsync(Guid offer) =>
        factory.QueryAsync(db => db.HousingOffers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync());
}
