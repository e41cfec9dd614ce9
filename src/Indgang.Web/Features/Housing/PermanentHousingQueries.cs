using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>The order the way to permanent housing (HOUSE-5) is shown in, on the pipeline page and on the household's page.</summary>
public static class PermanentHousingQueries
{
    /// <summary>Registrations with housing associations, the earliest first.</summary>
    public static IQueryable<HousingRegistration> InRegisteredOrder(this IQueryable<HousingRegistration> registrations) =>
        registrations.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Association).ThenBy(r => r.Id);

    /// <summary>Offers of a permanent home, the newest first.</summary>
    public static IQueryable<HousingOffer> NewestFirst(this IQueryable<HousingOffer> offers) =>
        offers.OrderByDescending(o => o.OfferedOn).ThenBy(o => o.Address).ThenBy(o => o.Id);
}
