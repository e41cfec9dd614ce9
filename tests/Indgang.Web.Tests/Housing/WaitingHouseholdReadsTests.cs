using System.Net;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household shown by name is read, also one still waiting with nothing under way: the unit page's move-in list and the
/// pipeline (page and API) name it, so each showing is in the audit log.
/// </summary>
public sealed class WaitingHouseholdReadsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task UnitPage_NamesTheWaitingHouseholdsInItsMoveInList_EachReadIsAudited()
    {
        var household = await factory.RegisterSingleAsync("Ventende");
        var unit = await factory.UnitIdAsync("Lejlighed 1");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.HouseholdReadsAsync(household);

        var html = WebUtility.HtmlDecode(await housing.GetPageAsync($"/Housing/Units/{unit}"));

        Assert.Contains("Solo Ventende (1 pers.)", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.HouseholdReadsAsync(household));
    }

    [Fact]
    public async Task Pipeline_ShowsAHouseholdWithNothingUnderWay_AndItsReadIsAudited_OnThePageAndOverTheApi()
    {
        var household = await factory.RegisterSingleAsync("Uden skridt");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var before = await factory.HouseholdReadsAsync(household);

        var html = WebUtility.HtmlDecode(await housing.GetPageAsync("/Housing/Pipeline?soeg=Uden+skridt"));
        Assert.Contains("Solo Uden skridt", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.HouseholdReadsAsync(household));

        using var api = await housing.GetAsync("/api/v1/housing/pipeline?search=Uden%20skridt");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains(household.ToString(), await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + 2, await factory.HouseholdReadsAsync(household));
    }
}
