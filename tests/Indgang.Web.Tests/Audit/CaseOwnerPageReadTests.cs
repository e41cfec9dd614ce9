using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Audit;

/// <summary>
/// The coordinator's pages about one member (day 0, the CPR number, the contract, a deadline) record that member as read, and the pages
/// that name the household alone (arrival, reassignment) no member: a citizen's insight lists the look-ups that were made,
/// not every member of the family each time one of them was looked at. The household page, which lists every member,
/// reads them all.
/// </summary>
public sealed class CaseOwnerPageReadTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData("Day0?personId={0}")]
    [InlineData("Cpr?personId={0}")]
    [InlineData("Contract?personId={0}")]
    [InlineData("Deadline?personId={0}&kind=HealthAssessmentOffer")]
    public async Task APageAboutOneMember_ReadsThatMemberAndTheHousehold_NotTheOthers(string page)
    {
        var (household, members) = await FamilyAsync($"Læsning{page[..3]}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var before = await ReadsAsync(household, members);

        await coordinator.GetPageAsync($"/Households/{household}/{string.Format(System.Globalization.CultureInfo.InvariantCulture, page, members[0])}");

        Assert.Equal([before[0] + 1, before[1], before[2], before[3] + 1], await ReadsAsync(household, members));
    }

    [Theory]
    [InlineData("Arrival")]
    [InlineData("Reassign")]
    public async Task APageThatNamesTheHouseholdAlone_ReadsTheHousehold_NoMember(string page)
    {
        var (household, members) = await FamilyAsync($"Navnelæsning{page}");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var before = await ReadsAsync(household, members);

        await coordinator.GetPageAsync($"/Households/{household}/{page}");

        Assert.Equal([before[0], before[1], before[2], before[3] + 1], await ReadsAsync(household, members));
    }

    [Fact]
    public async Task TheHouseholdPage_ReadsEveryMember()
    {
        var (household, members) = await FamilyAsync("Helhedslæsning");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var before = await ReadsAsync(household, members);

        await coordinator.GetPageAsync($"/Households/{household}");

        Assert.Equal(before.Select(n => n + 1), await ReadsAsync(household, members));
    }

    /// <summary>A family of three: the household and its members, eldest first.</summary>
    private async Task<(Guid Household, List<Guid> Members)> FamilyAsync(string lastName)
    {
        var household = await factory.RegisterFamilyAsync(lastName);
        var members = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.BirthDate).Select(p => p.Id).ToListAsync());
        return (household, members);
    }

    /// <summary>How often each member (in order), then the household, is recorded as read.</summary>
    private async Task<List<int>> ReadsAsync(Guid household, List<Guid> members)
    {
        var reads = new List<int>();
        foreach (var member in members)
        {
            reads.Add(await factory.AuditCountAsync(AuditAction.PersonRead, member));
        }

        reads.Add(await factory.HouseholdReadsAsync(household));
        return reads;
    }
}
