using System.Net;
using Indgang.Domain.People;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// A member is added to a household in the very moment another saves the household (between the page's duplicate
/// check and its save): a change that is not about its members (a coordinator handed over) does not stop the member
/// from joining; the same child added by the other at that moment still joins once.
/// </summary>
public sealed class AddMemberMeetsOtherSaveTests(SavesMeetAppFactory factory) : IClassFixture<SavesMeetAppFactory>
{
    [Fact]
    public async Task CoordinatorReassignedAtTheMomentOfAdding_TheMemberJoins_AndTheReassignmentStays()
    {
        var (household, _) = await factory.AdultAsync("Medlemskoordinator");
        var other = await factory.CreateCoordinatorAsync("medlemskoordinator", "Ole Medlemskoordinator");
        using var coordinator = await Browser.SignedInAsync(factory, "koordinator");
        var form = await OpenedForm.OpenAsync(coordinator, Url(household));
        factory.BeforeNextSave(AddsAMember, () => factory.QueryAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == household)).ReassignCoordinator(other);
            return await db.SaveChangesAsync();
        }));

        var result = await form.PostAsync(Child("Medlemskoordinator"));

        Assert.True(result.Status == HttpStatusCode.Redirect, result.Html);
        Assert.Single(await ChildrenAsync(household));
        Assert.Equal(other, await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.CoordinatorUserId).SingleAsync()));
    }

    [Fact]
    public async Task TheSameChildAddedByAnotherAtTheMoment_TheChildJoinsOnce_TheOtherIsToldItExists()
    {
        var (household, _) = await factory.AdultAsync("Medlemsammeøjeblik");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household));
        var formB = await OpenedForm.OpenAsync(b, Url(household));
        factory.BeforeNextSave(AddsAMember, async () => Assert.Equal(HttpStatusCode.Redirect, (await formB.PostAsync(Child("Medlemsammeøjeblik"))).Status));

        var result = await formA.PostAsync(Child("Medlemsammeøjeblik"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Der findes allerede en borger med samme navn og fødselsdato.", result.Html, StringComparison.Ordinal);
        Assert.Single(await ChildrenAsync(household));
    }

    private static bool AddsAMember(DbContext db) => db.ChangeTracker.Entries<Person>().Any(e => e.State == EntityState.Added);

    private Task<List<Guid>> ChildrenAsync(Guid household) =>
        factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Sara").Select(p => p.Id).ToListAsync());

    private static string Url(Guid household) => $"/Households/{household}/AddMember";

    private static Dictionary<string, string> Child(string lastName) => new()
    {
        ["Input.Members[0].FirstName"] = "Sara",
        ["Input.Members[0].LastName"] = lastName,
        ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-7)),
        ["Input.Members[0].Gender"] = "Female",
        ["Input.Members[0].Basis"] = "FamilyReunified",
        ["Input.Members[0].RelationToFirst"] = "Child",
        ["JoinedOn"] = Iso(Today),
        ["CprRegisteredOn"] = Iso(Today),
    };
}
