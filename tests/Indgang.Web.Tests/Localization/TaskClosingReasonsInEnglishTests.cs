using System.Net;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Tests.Hosting;
using Indgang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// Why a task was closed as not needed, on the household's page, in the reader's language (PLAT-5) when the app closed
/// it: a move-in called off, a move out called off, a household that moves on. Before, the reason was kept only as its
/// Danish text, so an English reader read "Indflytningen i … er fortrudt." A reason a person typed stays as typed, and so
/// does one from before the app kept its message.
/// </summary>
public sealed class TaskClosingReasonsInEnglishTests(IndgangAppFactory factory) : IClassFixture<IndgangAppFactory>
{
    [Fact]
    public async Task AMoveInCalledOff_ItsTasksReason_IsInTheReadersLanguage_ATypedOneAsTyped()
    {
        var household = await MoveInCalledOffAsync("Grundfortryder", "Grundvej 7");

        // One checklist task closed by a person with a reason of their own.
        const string typed = "Borgeren har selv ordnet det hos banken.";
        var coordinator = await factory.UserIdAsync("koordinator");
        var closedByHand = await factory.QueryAsync(async db =>
        {
            var task = await db.Tasks.FirstAsync(t => t.HouseholdId == household && t.Status == CaseTaskStatus.Open && !MoveTasks.MoveIn.Contains(t.Type));
            task.CloseAsNotNeeded(coordinator, typed, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return task.Id;
        });

        var (english, danish) = await TheHouseholdPageAsync(household);

        Assert.Contains("The move into Grundvej 7 was undone.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("er fortrudt", english, StringComparison.Ordinal);
        Assert.Contains("Indflytningen i Grundvej 7 er fortrudt.", danish, StringComparison.Ordinal);
        Assert.Contains(typed, english, StringComparison.Ordinal);
        Assert.Contains(typed, danish, StringComparison.Ordinal);
        // Its Danish text is kept with the task as before, and a typed reason has no message to say again.
        Assert.Equal(
            ("Indflytningen i Grundvej 7 er fortrudt.", true),
            await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && MoveTasks.MoveIn.Contains(t.Type))
                .Select(t => new ValueTuple<string?, bool>(t.NotNeededReason, t.NotNeededMessage != null)).FirstAsync()));
        Assert.Null(await factory.QueryAsync(db => db.Tasks.Where(t => t.Id == closedByHand).Select(t => t.NotNeededMessage).SingleAsync()));
    }

    [Fact]
    public async Task AReasonFromBeforeItsMessageWasKept_IsShownAsItsDanishText()
    {
        var household = await MoveInCalledOffAsync("Grundgammel", "Grundvej 9");

        // As a task closed before the migration TaskClosingMessage: its text only.
        await factory.QueryAsync(db => db.Tasks.Where(t => t.HouseholdId == household && t.NotNeededMessage != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.NotNeededMessage, (Domain.Said?)null)));

        var (english, _) = await TheHouseholdPageAsync(household);

        Assert.Contains("Indflytningen i Grundvej 9 er fortrudt.", english, StringComparison.Ordinal);
    }

    /// <summary>A single moved into a unit of its own ahead, and the move-in called off on the unit's page by the housing coordinator.</summary>
    private async Task<Guid> MoveInCalledOffAsync(string lastName, string unitLabel)
    {
        var household = await factory.RegisterSingleAsync(lastName);
        var unit = await factory.UnitOfItsOwnAsync(unitLabel);
        await factory.MovedInAsync(unit, household, Arrivals.Today.AddDays(5));
        var stay = await factory.StayOfAsync(household);
        using var housing = await Browser.SignedInAsync(factory, "bolig");
        using var calledOff = await housing.CallOffMoveInAsync(unit, stay);
        Assert.Equal(HttpStatusCode.Redirect, calledOff.StatusCode);
        return household;
    }

    /// <summary>The household's page, read by its coordinator in English and in Danish.</summary>
    private async Task<(string English, string Danish)> TheHouseholdPageAsync(Guid household)
    {
        using var english = await Browser.SignedInEnglishAsync(factory, "koordinator");
        using var danish = await Browser.SignedInAsync(factory, "koordinator");
        return (WebUtility.HtmlDecode(await english.GetPageAsync($"/Households/{household}")), WebUtility.HtmlDecode(await danish.GetPageAsync($"/Households/{household}")));
    }
}
