using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A department's need-to-know for a household lasts while it has a task there, and for 30 days
/// (<c>Indgang:PersonAccess:DaysAfterLastTask</c>) after its last task is closed: long enough to answer a question about
/// the work done, not for good.
/// </summary>
public sealed class DepartmentAccessAfterTasksTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(29, true)]
    [InlineData(31, false)]
    [InlineData(400, false)]
    public async Task TheSecretariatsTasksAllClosed_DaysAgo_TheHouseholdIsReadOnlyWithinThirtyDays(int daysAgo, bool reads)
    {
        var household = await factory.RegisterSingleAsync($"Adgangsen{daysAgo}");
        var person = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household).Select(p => p.Id).SingleAsync());
        var closed = await factory.QueryAsync(async db =>
        {
            var worker = await db.Users.Where(u => u.UserName == "sekretariat").SingleAsync();
            var tasks = await db.Tasks.Where(t => t.HouseholdId == household && t.DepartmentId == worker.DepartmentId).ToListAsync();
            tasks.ForEach(t => t.Complete(worker.Id, DateTimeOffset.UtcNow.AddDays(-daysAgo)));
            await db.SaveChangesAsync();
            return tasks.Count;
        });
        Assert.True(closed > 0, "The secretariat has tasks for a newly registered single (lease, CPR).");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");
        var readsBefore = await factory.AuditCountAsync(AuditAction.PersonRead, person);

        using var householdPage = await secretariat.GetAsync($"/Households/{household}");
        using var personPage = await secretariat.GetAsync($"/People/{person}");

        var expected = reads ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, householdPage.StatusCode);
        Assert.Equal(expected, personPage.StatusCode);
        Assert.Equal(reads ? readsBefore + 2 : readsBefore, await factory.AuditCountAsync(AuditAction.PersonRead, person));
        if (!reads)
        {
            // The refusal says why a department worker may be refused a household.
            Assert.Contains("Som fagmedarbejder ser du en husstand, mens din afdeling har en opgave for den, og i 30 dage efter, at den sidste er lukket.",
                WebUtility.HtmlDecode(await householdPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherDepartmentsOpenTask_GivesTheSecretariatNothing()
    {
        var household = await factory.RegisterSingleAsync("Adgangsenåben");
        await factory.QueryAsync(async db =>
        {
            var secretariat = await db.Users.Where(u => u.UserName == "sekretariat").Select(u => u.DepartmentId).SingleAsync();
            var tasks = await db.Tasks.Where(t => t.HouseholdId == household && t.DepartmentId == secretariat).ToListAsync();
            tasks.ForEach(t => t.Complete("test", DateTimeOffset.UtcNow.AddDays(-60)));
            return await db.SaveChangesAsync();
        });
        Assert.True(await factory.QueryAsync(db => db.Tasks.AnyAsync(t => t.HouseholdId == household && t.ClosedAt == null)), "Other departments still have open tasks.");
        using var secretariat = await Browser.SignedInAsync(factory, "sekretariat");

        using var householdPage = await secretariat.GetAsync($"/Households/{household}");

        Assert.Equal(HttpStatusCode.Forbidden, householdPage.StatusCode);
    }
}
