using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The rent cap (HOUSE-6) is a single's unless the household has spouses: two adults are not a couple by being two. A
/// single mother with a son of 19 and two small children was held to a couple's cap (4,932 kr. in 2023, not 2,467 kr.).
/// </summary>
public sealed class RentCapCoupleTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task MoveIn_ASingleMotherWithAnAdultSon_IsHeldToASinglesCap_ACoupleWithTheSameChildrenToACouples()
    {
        var single = await RegisterAsync("Enlig", RelationKind.Child);
        var couple = await RegisterAsync("Par", RelationKind.Spouse);
        var (singleCap, coupleCap) = await factory.QueryAsync(async db =>
        {
            var caps = await db.RentCaps.AsNoTracking().ToListAsync();
            return (RentCaps.For(caps, Arrivals.Today.Year, RentCapCategory.SingleAdult)!.Value, RentCaps.For(caps, Arrivals.Today.Year, RentCapCategory.CoupleWithOneToThreeChildren)!.Value);
        });
        // Above a single's cap, within a couple's.
        var rent = singleCap + 100m;
        Assert.True(rent <= coupleCap);
        var first = await factory.UnitOfItsOwnAsync("Loft enlig", beds: 4, rent: rent);
        var second = await factory.UnitOfItsOwnAsync("Loft par", beds: 4, rent: rent);

        var refused = await factory.MoveInAsync(first, single, Arrivals.Today);
        var housed = await factory.MoveInAsync(second, couple, Arrivals.Today);

        Assert.False(refused.Succeeded);
        Assert.StartsWith("Huslejen (", refused.Error, StringComparison.Ordinal);
        Assert.Contains("overstiger loftet for husstanden", refused.Error, StringComparison.Ordinal);
        Assert.True(housed.Succeeded, housed.Error);
    }

    /// <summary>The first adult, a second adult of 19 related as <paramref name="secondIs"/>, and two children of 4 and 7.</summary>
    private Task<Guid> RegisterAsync(string lastName, RelationKind secondIs) =>
        factory.RegisterAsync(new ArrivalRequest(null, null, Arrivals.Today,
        [
            new ArrivalMember("Amina", lastName, new DateOnly(1980, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee),
            new ArrivalMember("Karim", lastName, secondIs == RelationKind.Spouse ? new DateOnly(1979, 1, 1) : Arrivals.Today.AddYears(-19), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: secondIs),
            new ArrivalMember("Sara", lastName, Arrivals.Today.AddYears(-4), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
            new ArrivalMember("Omar", lastName, Arrivals.Today.AddYears(-7), Gender.Male, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child),
        ]));
}
