using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Indgang.Domain.Audit;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A suggestion accepted on the run page is placed only if it keeps the placement rules as things are when it is
/// accepted: the unit or the household may have been corrected since the optimizer ran, and the move itself does not
/// check step-free access or room for the family to join. Before, the household was moved in with no word of it; now it
/// is refused beside its checkbox, naming the rule, its tick kept, while the others ticked with it are placed.
/// </summary>
public sealed class PlacementAcceptBrokenRulesTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Accept_AfterTheUnitLostItsStepFreeAccess_ForAHouseholdThatNeedsIt_IsRefusedBesideItsCheckbox_NothingSaved()
    {
        await factory.AddSingleRoomsAsync("Niveaufri forslag", 2);
        var household = await factory.RegisterSingleAsync("Niveaufriforslag");
        await factory.QueryAsync(async db =>
        {
            (await db.Persons.SingleAsync(p => p.HouseholdId == household)).NeedsAccessibleHousing = true;
            foreach (var u in await db.HousingUnits.Where(u => u.Label.StartsWith("Niveaufri forslag ")).ToListAsync())
            {
                u.StepFree = true;
            }

            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(household);
        var unit = (await factory.SuggestedUnitAsync(run, household))!.Value;

        // Meanwhile the unit is corrected: its lift is out, it is not step-free after all.
        await factory.QueryAsync(async db =>
        {
            var u = await db.HousingUnits.SingleAsync(x => x.Id == unit);
            u.StepFree = false;
            u.Edited();
            return await db.SaveChangesAsync();
        });

        using var refused = await AcceptAsync(housing, run, household);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(await RefusalAsync(household, "husstanden har brug for niveaufri adgang"),
            html.QuerySelector($"#{RunModel.AcceptKey(household)}-error")?.TextContent);
        Assert.NotNull(html.QuerySelector($".alert-error a[href='#{RunModel.AcceptKey(household)}']"));
        Assert.True(Checkbox(html, household)?.IsChecked);
        Assert.Empty(html.QuerySelectorAll(".alert-success"));
        await AssertNothingSavedAsync(household);
    }

    [Fact]
    public async Task Accept_Two_OneNowInAPermanentHomeWithoutRoomForItsFamilyToJoin_ThatOneIsRefused_TheOtherIsPlaced()
    {
        await factory.AddSingleRoomsAsync("Familieforslag", 3);
        var waiting = await factory.RegisterSingleAsync("Familieforslagventer");
        var other = await factory.RegisterSingleAsync("Familieforslagalene");
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var run = await housing.RunPlacementAsync(waiting, other);
        var unit = (await factory.SuggestedUnitAsync(run, waiting))!.Value;
        Assert.NotNull(await factory.SuggestedUnitAsync(run, other));

        // Meanwhile the family applies to join the household, and its suggested unit turns out to be a permanent home:
        // one the family should not have to move out of again, and with no room for them.
        await factory.QueryAsync(async db =>
        {
            (await db.Households.SingleAsync(h => h.Id == waiting)).SetFamilyToJoin(20);
            var u = await db.HousingUnits.SingleAsync(x => x.Id == unit);
            u.IsPermanent = true;
            u.Edited();
            return await db.SaveChangesAsync();
        });

        using var refused = await AcceptAsync(housing, run, waiting, other);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(await RefusalAsync(waiting, "den permanente bolig har ikke plads til familien, der er søgt familiesammenføring til"),
            html.QuerySelector($"#{RunModel.AcceptKey(waiting)}-error")?.TextContent);
        Assert.True(Checkbox(html, waiting)?.IsChecked);
        await AssertNothingSavedAsync(waiting);
        // The other ticked with it is placed, and said so; its checkbox gives way to its decision.
        Assert.Contains($"{await factory.HouseholdNameAsync(other)} er placeret.", html.QuerySelector(".alert-success")?.TextContent, StringComparison.Ordinal);
        Assert.Null(Checkbox(html, other));
        Assert.True(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == other)));
        Assert.True(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.RunId == run && d.HouseholdId == other)));
    }

    private static Task<HttpResponseMessage> AcceptAsync(Browser housing, Guid run, params Guid[] households) =>
        housing.PostFormAsync($"/Housing/Placement/{run}?handler=Accept",
            households.Select(h => new KeyValuePair<string, string>("Accept", h.ToString())).ToList(), formPage: $"/Housing/Placement/{run}");

    private static IHtmlInputElement? Checkbox(IHtmlDocument html, Guid household) =>
        html.QuerySelector($"#{RunModel.AcceptKey(household)}") as IHtmlInputElement;

    /// <summary>The error beside the household's checkbox, as a screen reader reads it.</summary>
    private async Task<string> RefusalAsync(Guid household, string rule) =>
        $"Fejl: {await factory.HouseholdNameAsync(household)}: " + RunModel.SuggestionBreaksRules.Replace("{0}", rule, StringComparison.Ordinal);

    private async Task AssertNothingSavedAsync(Guid household)
    {
        Assert.False(await factory.QueryAsync(db => db.Occupancies.AnyAsync(o => o.HouseholdId == household)));
        Assert.False(await factory.QueryAsync(db => db.PlacementDecisions.AnyAsync(d => d.HouseholdId == household)));
        var audited = Web.Audit.AuditLog.Household(household);
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PlacementAccepted && e.Details!.StartsWith(audited))));
    }
}
