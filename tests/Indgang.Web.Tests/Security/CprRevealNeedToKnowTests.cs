using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Security;

/// <summary>
/// A member's whole CPR number is shown only to those whose work needs it (PLAT-2): the coordinator who carries the case
/// and a department with a task that needs the number (the lease, Sekretariatet's in the demo). Teknik og drift, reading
/// the case for its defects list, sees the masked number and no button, and a POST of its own is refused.
/// </summary>
public sealed class CprRevealNeedToKnowTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("koordinator", "Ane", "010118-4002")]
    [InlineData("sekretariat", "Bo", "010118-4010")]
    public async Task TheCoordinatorAndTheSecretariat_SeeTheButton_AndTheWholeNumber(string userName, string firstName, string cpr)
    {
        var child = await ChildAsync(firstName, cpr);
        using var browser = await Browser.SignedInAsync(factory, userName);

        var page = Parser.ParseDocument(await browser.GetPageAsync($"/People/{child}"));
        using var revealed = await browser.PostFormAsync($"/People/{child}?handler=RevealCpr", [], formPage: $"/People/{child}");

        Assert.NotNull(page.QuerySelector("form[action*='handler=RevealCpr'] button"));
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains(cpr, await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.AuditCountAsync(AuditAction.CprRevealed, child));
    }

    [Fact]
    public async Task Teknik_ReadsTheCaseForItsDefectsList_SeesNoButton_AndItsPostIsRefused()
    {
        const string cpr = "010118-4028";
        var child = await ChildAsync("Cim", cpr);
        using var teknik = await Browser.SignedInAsync(factory, "teknik");

        var page = Parser.ParseDocument(await teknik.GetPageAsync($"/People/{child}"));
        using var refused = await teknik.PostFormAsync($"/People/{child}?handler=RevealCpr", [], formPage: $"/People/{child}");

        Assert.Contains("010118-xxxx", page.QuerySelector("span.cpr")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=RevealCpr']"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(cpr, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.AuditCountAsync(AuditAction.CprRevealed, child));
    }

    /// <summary>A child with a CPR number, in a household of their father's (the checklist's tasks sent to the departments).</summary>
    private async Task<Guid> ChildAsync(string firstName, string cpr)
    {
        var lastName = $"Cprvisning{firstName}";
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, DateOnly.FromDateTime(DateTime.Now),
        [
            new ArrivalMember("Far", lastName, new DateOnly(1985, 1, 1), Gender.Male, ResidenceBasis.QuotaRefugee),
            new ArrivalMember(firstName, lastName, new DateOnly(2018, 1, 1), Gender.Female, ResidenceBasis.QuotaRefugee, RelationToFirst: RelationKind.Child, Cpr: cpr),
        ]));
        return await factory.QueryAsync(db => db.Persons.Where(p => p.HouseholdId == household && p.FirstName == firstName).Select(p => p.Id).SingleAsync());
    }
}
