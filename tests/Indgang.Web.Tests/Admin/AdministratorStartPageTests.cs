using AngleSharp.Html.Parser;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// The administrator's start page leads to every page of the administration, each with what it keeps: it named the
/// organisation, the users and the audit log, and left out the rule sets, the responsibility matrix, the placement
/// weights and the rent caps, found only in the menu (found by the department review).
/// </summary>
public sealed class AdministratorStartPageTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task TheStartPage_LeadsToEveryAdministrationPage()
    {
        using var admin = await Browser.SignedInAsync(factory, "admin");

        var section = new HtmlParser().ParseDocument(await admin.GetPageAsync("/")).QuerySelector("section[aria-labelledby=administration]");

        Assert.NotNull(section);
        Assert.Equal(
            ["/Admin/Organisation", "/Admin/Users", "/Admin/RuleSets", "/Admin/Responsibilities", "/Admin/PlacementWeights", "/Admin/RentCaps", "/Admin/Audit", "/Admin/Audit/Verify"],
            section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
