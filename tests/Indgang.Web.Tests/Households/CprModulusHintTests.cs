using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Households;

/// <summary>
/// A CPR number that does not pass the modulus 11 check is valid, but may be mistyped: the person page asks the case's
/// coordinator, who typed it and can correct it, to check it; a department that only reads the masked number is not
/// asked to check what it cannot see or change (found by the department review).
/// </summary>
public sealed class CprModulusHintTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private const string Hint = "opfylder ikke modulus 11-kontrollen";

    [Fact]
    public async Task ANumberFailingModulus11_IsToBeCheckedByTheCoordinator_NotByADepartmentReadingIt()
    {
        var household = await factory.RegisterSingleAsync("Modulussen");
        var failing = Enumerable.Range(1230, 10).Select(n => CprNumber.Parse($"010190-{n}")).First(c => !c.PassesModulus11);
        var person = await factory.QueryAsync(async db =>
        {
            var member = await db.Persons.SingleAsync(p => p.HouseholdId == household);
            member.AssignCpr(failing);
            await db.SaveChangesAsync();
            return member.Id;
        });

        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        Assert.Contains(Hint, await coordinator.GetPageAsync($"/People/{person}"), StringComparison.Ordinal);
        var asSecretariat = await secretariat.GetPageAsync($"/People/{person}");
        Assert.Contains("010190-xxxx", asSecretariat, StringComparison.Ordinal);
        Assert.DoesNotContain(Hint, asSecretariat, StringComparison.Ordinal);
    }
}
