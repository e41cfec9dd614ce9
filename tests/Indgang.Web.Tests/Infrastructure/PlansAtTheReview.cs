using System.Net;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>A person whose plan may be extended: the one-year review reached.</summary>
public static class PlansAtTheReview
{
    /// <summary>An adult who arrived over a year ago (the one-year review reached), with a saved plan.</summary>
    public static async Task<Guid> PlanAtTheReviewAsync(this IndgangAppFactory factory, string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-420), Arrivals.Today.AddDays(-400),
            [new ArrivalMember("Plan", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.VisitedRefugee)]));
        var person = await factory.QueryAsync(async db =>
        {
            var adult = await db.Persons.SingleAsync(p => p.HouseholdId == household);
            adult.CprRegisteredOn = Arrivals.Today.AddDays(-400);
            await db.SaveChangesAsync();
            return adult.Id;
        });
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var plan = await (await OpenedForm.OpenAsync(coordinator, PlanUrl(person))).PostAsync(new Dictionary<string, string> { ["Input.Goals[0].Text"] = "Job" });
        Assert.Equal(HttpStatusCode.Redirect, plan.Status);
        Assert.Contains("Forlæng planen", WebUtility.HtmlDecode(await coordinator.GetPageAsync(PlanUrl(person))), StringComparison.Ordinal);
        return person;
    }

    public static string PlanUrl(Guid person) => $"/People/{person}/Plan";
}
