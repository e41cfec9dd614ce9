using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>A household of one adult for a concurrency test: its id and the member's.</summary>
internal static class Households
{
    public static async Task<(Guid Household, Guid Person)> AdultAsync(this IndgangAppFactory factory, string lastName)
    {
        var household = await factory.RegisterAsync(new ArrivalRequest(null, Arrivals.Today.AddDays(-60), Arrivals.Today.AddDays(-30),
            [new ArrivalMember("Samtidig", lastName, new DateOnly(1990, 5, 5), Gender.Female, ResidenceBasis.VisitedRefugee)]));
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        return (household, person);
    }
}
