using System.Net;
using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Housing;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit page's forms to change or call off an agreed move out (HOUSE-2) carry the agreed day they showed: a page
/// opened before another coordinator moved or called off the move out does not overwrite their change unseen, but says
/// so; a page showing the move out as it is saves as before.
/// </summary>
public sealed class AgreedMoveOutChangedWhileShownTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly DateOnly Today = Arrivals.Today;
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData("ChangeMoveOut")]
    [InlineData("CallOffMoveOut")]
    public async Task StalePage_AnotherMovedTheMoveOut_IsRefusedAndTheirDayKept(string handler)
    {
        var (unit, stay) = await AgreedMoveOutAsync($"Forældet {handler}", $"Forældet{handler.ToLowerInvariant()}", Today.AddDays(30));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var shown = AgreedDayShown(await housing.GetPageAsync($"/Housing/Units/{unit}"), handler);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var other = await scope.ServiceProvider.GetRequiredService<HousingMoves>().ChangeMoveOutAsync(stay, Today.AddDays(40));
            Assert.True(other.Succeeded, other.Error);
        }

        using var refused = await PostAsync(housing, unit, handler, stay, shown, Today.AddDays(20));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(Arrivals.Iso(Today.AddDays(30)), shown);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UnitDetailsModel.ChangedWhileShown, html, StringComparison.Ordinal);
        Assert.Equal(Today.AddDays(40), await MoveOutAsync(stay));
        // The page shows the move out as it is now, to act on again.
        Assert.Equal(Arrivals.Iso(Today.AddDays(40)), AgreedDayShown(html, handler));
    }

    [Fact]
    public async Task StalePage_AnotherCalledTheMoveOutOff_ChangeIsRefused()
    {
        var (unit, stay) = await AgreedMoveOutAsync("Forældet aflyst", "Forældetaflyst", Today.AddDays(30));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var shown = AgreedDayShown(await housing.GetPageAsync($"/Housing/Units/{unit}"), "ChangeMoveOut");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var other = await scope.ServiceProvider.GetRequiredService<HousingMoves>().CallOffMoveOutAsync(stay);
            Assert.True(other.Succeeded, other.Error);
        }

        using var refused = await PostAsync(housing, unit, "ChangeMoveOut", stay, shown, Today.AddDays(20));

        Assert.Contains(UnitDetailsModel.ChangedWhileShown, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await MoveOutAsync(stay));
    }

    [Fact]
    public async Task CurrentPage_ChangeIsSaved()
    {
        var (unit, stay) = await AgreedMoveOutAsync("Aktuel fraflytning", "Aktuelfraflytning", Today.AddDays(30));
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        var shown = AgreedDayShown(await housing.GetPageAsync($"/Housing/Units/{unit}"), "ChangeMoveOut");

        using var saved = await PostAsync(housing, unit, "ChangeMoveOut", stay, shown, Today.AddDays(20));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Today.AddDays(20), await MoveOutAsync(stay));
    }

    /// <summary>A single adult in a unit of the test's own, with a move out agreed for the day.</summary>
    private async Task<(Guid Unit, Guid Stay)> AgreedMoveOutAsync(string label, string lastName, DateOnly day)
    {
        var unit = await factory.UnitOfItsOwnAsync(label);
        var household = await factory.RegisterSingleAsync(lastName);
        await factory.MovedInAsync(unit, household, Today);
        var stay = await factory.StayOfAsync(household);
        await using var scope = factory.Services.CreateAsyncScope();
        var agreed = await scope.ServiceProvider.GetRequiredService<HousingMoves>().MoveOutAsync(stay, day, MoveOutDestination.OwnHome);
        Assert.True(agreed.Succeeded, agreed.Error);
        return (unit, stay);
    }

    private static string? AgreedDayShown(string html, string handler) =>
        Parser.ParseDocument(html).QuerySelector($"form[action*='handler={handler}'] input[name='AgreedMoveOutOn']")?.GetAttribute("value");

    private static Task<HttpResponseMessage> PostAsync(Browser housing, Guid unit, string handler, Guid stay, string? shown, DateOnly day) =>
        housing.PostFormAsync($"/Housing/Units/{unit}?handler={handler}", new Dictionary<string, string>
        {
            ["OccupancyId"] = stay.ToString(), ["AgreedMoveOutOn"] = shown ?? "", ["MoveOutOn"] = Arrivals.Iso(day),
        }, formPage: $"/Housing/Units/{unit}");

    private Task<DateOnly?> MoveOutAsync(Guid stay) =>
        factory.QueryAsync(db => db.Occupancies.Where(o => o.Id == stay).Select(o => o.MovedOutOn).SingleAsync());
}
