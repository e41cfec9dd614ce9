using AngleSharp.Html.Parser;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Indgang.Web.Tests.Infrastructure.Arrivals;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// A household living in one of our temporary units, with a move to another agreed for a later day, lives in temporary
/// housing now: the pipeline says so, whichever of its two stays the database gives first. Before, it could say the
/// household "flytter ind i midlertidig bolig" on the day of the move (found by the housing coordinator's review).
/// </summary>
public sealed class PipelineMoveBetweenTemporaryUnitsTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task LivingInATemporaryUnit_WithAMoveToAnotherAhead_LivesThereNow()
    {
        var household = await factory.RegisterSingleAsync("Skifterbolig", Gender.Female, "Selam");
        var now = await factory.UnitOfItsOwnAsync("Midlertidig nu");
        var next = await factory.UnitOfItsOwnAsync("Midlertidig senere");
        var day = Today.AddDays(5);
        // The stay ahead saved first: the database may give it first.
        await factory.QueryAsync(async db =>
        {
            db.Occupancies.Add(new Occupancy(next, household, 1, day, isTemporary: true));
            await db.SaveChangesAsync();
            var current = db.Occupancies.Add(new Occupancy(now, household, 1, Today.AddDays(-20), isTemporary: true)).Entity;
            current.MoveOut(day, MoveOutDestination.OtherMunicipalUnit);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync("/Housing/Pipeline"));

        var name = await factory.QueryAsync(db => db.Households.Where(h => h.Id == household).Select(h => h.Name).SingleAsync());
        var row = page.QuerySelector($"tr[data-household='{name}'] td")?.TextContent;
        Assert.Contains("bor midlertidigt", row, StringComparison.Ordinal);
        Assert.DoesNotContain("flytter ind i midlertidig bolig", row, StringComparison.Ordinal);
    }
}
