using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// The household says yes to an offer in the very moment the housing coordinator corrects or removes it, between the
/// page's checks and its save: the acceptance stands, and the correction (to be saved again over the acceptance) or the
/// removal (an accepted offer is not removed) is refused and says why.
/// </summary>
public sealed class OfferCorrectionConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Theory]
    [InlineData(EntityState.Modified)]
    [InlineData(EntityState.Deleted)]
    public async Task AcceptedAtTheMomentOfACorrection_TheAcceptanceStands_TheCorrectionIsRefused(EntityState change)
    {
        var household = await factory.RegisterSingleAsync($"Samtidigttilbud{change}");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Møllevej 2", Today.AddDays(-3))).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        var page = $"/Housing/Pipeline/Offers/{offer}";
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = HiddenFields.Value(await housing.GetPageAsync(page), "Version");
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.Entity.Id == offer && e.State == change),
            () => factory.QueryAsync(async db =>
            {
                (await db.HousingOffers.SingleAsync(o => o.Id == offer)).Accept(Today.AddDays(30));
                return await db.SaveChangesAsync();
            }));

        using var response = change == EntityState.Deleted
            ? await housing.PostFormAsync($"{page}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: page)
            : await housing.PostFormAsync(page, new Dictionary<string, string> { ["Address"] = "Møllevej 20", ["OfferedOn"] = Iso(Today.AddDays(-3)), ["Version"] = version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The correction is refused as a change by another (what is saved now beside the fields), the removal as an accepted
        // offer is not removed; both show the acceptance.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(change == EntityState.Deleted ? OfferEditModel.AcceptedNotRemoved : OfferEditModel.ChangedByOtherOnSave, html, StringComparison.Ordinal);
        Assert.Contains("Tilbuddet er accepteret med flyttedato", html, StringComparison.Ordinal);
        var now = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer));
        Assert.Equal(("Møllevej 2", OfferStatus.Accepted), (now.Address, now.Status));
    }
}
