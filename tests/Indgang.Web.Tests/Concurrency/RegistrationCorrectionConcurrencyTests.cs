using System.Net;
using Indgang.Domain.Housing;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two housing coordinators change one waiting-list registration in the very same moment, between one's checks and its
/// save: the other's correction stands, and the one saving second is told and shown it, whether it corrected or removed.
/// </summary>
public sealed class RegistrationCorrectionConcurrencyTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Theory]
    [InlineData(EntityState.Modified)]
    [InlineData(EntityState.Deleted)]
    public async Task CorrectedByAnotherAtTheMomentOfSaving_TheOthersStands_ThisOneIsTold(EntityState change)
    {
        var household = await factory.RegisterSingleAsync($"Samtidigopskrivning{change}");
        var registration = await factory.QueryAsync(async db =>
        {
            var made = db.HousingRegistrations.Add(new HousingRegistration(household, "Engholm Boligselskab", Today.AddDays(-5), "EB-7")).Entity;
            await db.SaveChangesAsync();
            return made.Id;
        });
        var page = $"/Housing/Pipeline/Registrations/{registration}";
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var version = HiddenFields.Value(await housing.GetPageAsync(page), "Version");
        factory.BeforeNextSave(
            db => db.ChangeTracker.Entries<HousingRegistration>().Any(e => e.Entity.Id == registration && e.State == change),
            () => factory.QueryAsync(async db =>
            {
                var other = await db.HousingRegistrations.SingleAsync(r => r.Id == registration);
                other.Correct(other.Association, other.RegisteredOn, "EB-77");
                return await db.SaveChangesAsync();
            }));

        using var response = change == EntityState.Deleted
            ? await housing.PostFormAsync($"{page}?handler=Remove", new Dictionary<string, string> { ["Version"] = version }, formPage: page)
            : await housing.PostFormAsync(page, new Dictionary<string, string>
            {
                ["Association"] = "Engholm Boligselskab", ["RegisteredOn"] = Iso(Today.AddDays(-5)), ["WaitingListNumber"] = "EB-70", ["Version"] = version,
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(change == EntityState.Deleted ? RegistrationEditModel.CorrectedByOtherOnRemove : RegistrationEditModel.CorrectedByOtherOnSave,
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("EB-77", await factory.QueryAsync(db => db.HousingRegistrations.Where(r => r.Id == registration).Select(r => r.WaitingListNumber).SingleAsync()));
    }
}
