using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Api;
using HousingApi = Indgang.Web.Tests.Housing.HousingApi;
using Indgang.Web.Tests.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Another's change lands between the API's check of If-Match and its save of a correction (PUT
/// /api/v1/housing/registrations/{id} and /offers/{id}): the database's concurrency token refuses the save, and the API
/// says so as it says an older version, 412 (a declined offer 409, as on the page); the other's change stands and the
/// refused correction is not in the audit log.
/// </summary>
public sealed class PipelineCorrectionApiConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task RegistrationCorrectedByAnotherAtTheMomentOfTheSave_Returns412_TheOthersCorrectionStands()
    {
        var household = await factory.RegisterSingleAsync("Apisamtidigop");
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, "Møllevej Boligselskab", Today.AddDays(-10), "MB-1")).Entity;
            await db.SaveChangesAsync();
            return made;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingRegistration>().Any(e => e.Entity.Id == registration.Id && e.State == EntityState.Modified),
            () => factory.QueryAsync(async db =>
            {
                (await db.HousingRegistrations.SingleAsync(r => r.Id == registration.Id)).Correct("Møllevej Boligselskab", Today.AddDays(-10), "MB-2");
                return await db.SaveChangesAsync();
            }));

        using var response = await housing.PutAsync($"/api/v1/housing/registrations/{registration.Id}",
            new { association = "Møllevej Boligselskab", registeredOn = Iso(Today.AddDays(-10)), waitingListNumber = "MB-3" }, VersionTag.Of(registration.Version));

        var problem = await HousingApi.ProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(PipelineCorrectionApi.RegistrationChanged, problem.Detail);
        var saved = await factory.QueryAsync(db => db.HousingRegistrations.AsNoTracking().SingleAsync(r => r.Id == registration.Id));
        Assert.Equal("MB-2", saved.WaitingListNumber);
        Assert.NotEqual(registration.Version, saved.Version);
        Assert.Empty(await factory.PipelineWritesAsync(household, "opskrivning rettet"));
    }

    [Theory]
    [InlineData(OfferStatus.Accepted)]
    [InlineData(OfferStatus.Declined)]
    public async Task OfferAnsweredAtTheMomentOfACorrection_TheAnswerStands_AcceptedIs412_DeclinedIs409(OfferStatus answer)
    {
        var household = await factory.RegisterSingleAsync($"Apisamtidigtilbud{answer}");
        var offer = await factory.QueryAsync(async db =>
        {
            var made = db.HousingOffers.Add(new HousingOffer(household, "Møllevej 4", Today.AddDays(-3))).Entity;
            await db.SaveChangesAsync();
            return made;
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingOffer>().Any(e => e.Entity.Id == offer.Id && e.State == EntityState.Modified),
            () => factory.QueryAsync(async db =>
            {
                var answered = await db.HousingOffers.SingleAsync(o => o.Id == offer.Id);
                if (answer == OfferStatus.Accepted)
                {
                    answered.Accept(Today.AddDays(30));
                }
                else
                {
                    answered.Decline();
                }

                return await db.SaveChangesAsync();
            }));

        using var response = await housing.PutAsync($"/api/v1/housing/offers/{offer.Id}", new { address = "Møllevej 40", offeredOn = Iso(Today.AddDays(-3)) }, VersionTag.Of(offer.Version));

        var problem = answer == OfferStatus.Accepted
            ? await HousingApi.ProblemAsync(response, HttpStatusCode.PreconditionFailed)
            : await HousingApi.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(answer == OfferStatus.Accepted ? PipelineCorrectionApi.OfferChanged : HousingOffer.DeclinedNotCorrected, problem.Detail);
        var saved = await factory.QueryAsync(db => db.HousingOffers.AsNoTracking().SingleAsync(o => o.Id == offer.Id));
        Assert.Equal(("Møllevej 4", answer), (saved.Address, saved.Status));
        Assert.Empty(await factory.PipelineWritesAsync(household, "tilbud rettet"));
    }
}
