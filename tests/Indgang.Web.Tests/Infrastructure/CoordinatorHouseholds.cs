using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>A coordinator of a test's own and households of hers, for tests of what the start page shows her.</summary>
public static class CoordinatorHouseholds
{
    /// <summary>A new coordinator, signed in: her id and browser.</summary>
    public static async Task<(string Id, Browser Browser)> SignedInCoordinatorAsync(this IndgangAppFactory factory, string userName)
    {
        var id = await factory.CreateCoordinatorAsync(userName, $"Koordinator {userName}");
        return (id, await Browser.SignedInAsync(factory, userName, "Godt-Kodeord-1"));
    }

    /// <summary>
    /// Households of the coordinator's with one adult each, as the database holds them after a registration, in the
    /// order given. Expected in two months unless said otherwise: nothing of theirs is due on the overview.
    /// </summary>
    public static Task<List<Household>> AddHouseholdsAsync(
        this IndgangAppFactory factory, string coordinator, IEnumerable<string> names, string firstName = "Ali", string? lastName = null,
        DateOnly? expected = null, DateOnly? arrived = null) =>
        factory.QueryAsync(async db =>
        {
            var added = names.Select(name =>
            {
                var household = new Household(name, coordinator) { RegisteredAt = DateTimeOffset.UtcNow };
                household.SetArrival(expected ?? DateOnly.FromDateTime(DateTime.Now).AddMonths(2), arrived);
                household.AddMember(new Person(firstName, lastName ?? name, new DateOnly(1990, 1, 1), Gender.Male) { Basis = ResidenceBasis.QuotaRefugee });
                return household;
            }).ToList();
            db.Households.AddRange(added);
            await db.SaveChangesAsync();
            return added;
        });
}
