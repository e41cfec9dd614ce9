using AngleSharp.Html.Parser;
using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Tests.Hosting;
using Indgang.Web.Features.Reception;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Housing;

/// <summary>
/// The unit page's »Ny bolig« judges a lone resident a single adult by their age on the day each unit is free, as the
/// move into it counts them: a 17-year-old who is 18 when a shared room is free is offered it, one still 17 then is not.
/// Before, the list counted the age today, and the room the move would accept was not offered (found by the housing
/// coordinator's review).
/// </summary>
public sealed class MoveToUnitChoicesComingOfAgeTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task SeventeenToday_IsOfferedASharedRoomFreeAfterTheBirthday_NotOneFreeNow()
    {
        var today = Arrivals.Today;
        var household = await factory.RegisterAsync(new ArrivalRequest(null, null, today,
            [new ArrivalMember("Ung", "Myndigliste", today.AddYears(-18).AddDays(10), Gender.Male, ResidenceBasis.QuotaRefugee)]));
        var unit = await factory.UnitOfItsOwnAsync("Myndigliste hjem", rent: 1000m);
        await factory.MovedInAsync(unit, household, today);
        var stay = await factory.StayOfAsync(household);
        var roomNow = await factory.UnitOfItsOwnAsync("Myndigliste delt nu", rent: 1000m, shared: true);
        var roomAfterBirthday = await factory.UnitOfItsOwnAsync("Myndigliste delt senere", rent: 1000m, shared: true);
        await factory.QueryAsync(async db =>
        {
            (await db.HousingUnits.SingleAsync(u => u.Id == roomAfterBirthday)).AvailableFrom = today.AddDays(20);
            return await db.SaveChangesAsync();
        });
        using var housing = await Browser.SignedInAsync(factory, "bolig");

        var page = Parser.ParseDocument(await housing.GetPageAsync($"/Housing/Units/{unit}"));
        var options = page.QuerySelectorAll($"#MoveToUnitId-{stay} option").Select(o => o.GetAttribute("value")).ToList();

        Assert.Contains(roomAfterBirthday.ToString(), options);
        Assert.DoesNotContain(roomNow.ToString(), options);
    }
}
