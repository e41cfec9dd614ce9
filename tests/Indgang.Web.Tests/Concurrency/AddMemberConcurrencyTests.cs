using System.Net;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Concurrency;

/// <summary>
/// Two coordinators add the same family-reunified child to a household at the same moment (or one presses the button
/// twice): the child joins once; the other is told, as when the child was already there, that a citizen of that name
/// and birth date exists.
/// </summary>
public sealed class AddMemberConcurrencyTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task TwoAddTheSameMemberAtOnce_TheChildJoinsOnce_TheOtherIsToldItExists()
    {
        var (household, _) = await factory.AdultAsync("Medlemsamtidig");
        using var a = await Browser.SignedInAsync(factory, "koordinator");
        using var b = await Browser.SignedInAsync(factory, "koordinator");
        var formA = await OpenedForm.OpenAsync(a, Url(household));
        var formB = await OpenedForm.OpenAsync(b, Url(household));

        var results = await Task.WhenAll(formA.PostAsync(Child()), formB.PostAsync(Child()));

        Assert.All(results, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var other = Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Contains("Der findes allerede en borger med samme navn og fødselsdato.", other.Html, StringComparison.Ordinal);
        var children = await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == "Sara").Select(p => p.Id).ToListAsync());
        var child = Assert.Single(children);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.MemberAdded, child));
    }

    private static string Url(Guid household) => $"/Households/{household}/AddMember";

    private static Dictionary<string, string> Child() => new()
    {
        ["Input.Members[0].FirstName"] = "Sara",
        ["Input.Members[0].LastName"] = "Medlemsamtidig",
        ["Input.Members[0].BirthDate"] = Iso(Today.AddYears(-7)),
        ["Input.Members[0].Gender"] = "Female",
        ["Input.Members[0].Basis"] = "FamilyReunified",
        ["Input.Members[0].RelationToFirst"] = "Child",
        ["JoinedOn"] = Iso(Today),
        ["CprRegisteredOn"] = Iso(Today),
    };
}
