using System.Net;
using Indgang.Domain.Deadlines;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A municipality without a health target of its own (this test's database, with Allerød's removed): the health offer
/// is then a deadline of the quota refugee's alone, so it can be marked met for her and is refused for a family-reunified
/// person, who has no such deadline to meet.
/// </summary>
public sealed class HealthOfferWithoutLocalTargetTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task DeadlinePage_HealthOffer_OpenForTheQuotaRefugee_RefusedForTheFamilyReunified()
    {
        await factory.QueryAsync(async db => await db.LocalTargets.Where(t => t.Kind == DeadlineKind.HealthAssessmentOffer).ExecuteDeleteAsync());
        var (coordinator, browser) = await factory.SignedInCoordinatorAsync("koordutenmaal");
        using var _ = browser;
        var reunified = await AddAdultAsync(coordinator, "Familien Udenmål", "Ragnhild", ResidenceBasis.FamilyReunified);
        var quota = await AddAdultAsync(coordinator, "Familien Kvoteudenmål", "Kvotilde", ResidenceBasis.QuotaRefugee);

        using var refusedForm = await browser.GetAsync(Url(reunified));
        // Posted with a token from a form she cannot open: the save is refused as the form is.
        using var refusedSave = await browser.PostFormAsync(Url(reunified), new Dictionary<string, string> { ["CompletedOn"] = Arrivals.Iso(Today) }, formPage: Url(quota));
        using var saved = await browser.PostFormAsync(Url(quota), new Dictionary<string, string> { ["CompletedOn"] = Arrivals.Iso(Today) }, formPage: Url(quota));

        Assert.Equal(HttpStatusCode.NotFound, refusedForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedSave.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([quota.Person], await factory.QueryAsync(db => db.DeadlineCompletions.Where(c => c.Kind == DeadlineKind.HealthAssessmentOffer && (c.PersonId == quota.Person || c.PersonId == reunified.Person)).Select(c => c.PersonId).ToListAsync()));
    }

    private static string Url((Guid Household, Guid Person) member) => $"/Households/{member.Household}/Deadline?personId={member.Person}&kind=HealthAssessmentOffer";

    private Task<(Guid Household, Guid Person)> AddAdultAsync(string coordinator, string householdName, string firstName, ResidenceBasis basis) =>
        factory.QueryAsync(async db =>
        {
            var arrived = Today.AddMonths(-2);
            var household = new Household(householdName, coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
            household.SetArrival(arrived, arrived);
            var person = new Person(firstName, "Udenmål", new DateOnly(1990, 1, 1), Gender.Female) { Basis = basis, CprRegisteredOn = arrived };
            household.AddMember(person);
            db.Households.Add(household);
            await db.SaveChangesAsync();
            return (household.Id, person.Id);
        });
}
