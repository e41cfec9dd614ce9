using Indgang.Domain.Reception;

namespace Indgang.Domain.Tests.Reception;

/// <summary>The tasks a move into or out of one of the municipality's units brings (HOUSE-2), and a move into a permanent home (HOUSE-5).</summary>
public class MoveTasksTests
{
    private static readonly DateOnly Day = new(2026, 12, 14);

    [Theory]
    [InlineData(TaskType.LeaseContract, "Lejekontrakt – Pavillon A")]
    [InlineData(TaskType.KeyHandover, "Nøgleoverdragelse – Pavillon A")]
    [InlineData(TaskType.HouseRulesIntroduction, "Introduktion til husorden, affaldssortering og energi – Pavillon A")]
    [InlineData(TaskType.LeaseTermination, "Afslutning af lejekontrakt – Pavillon A")]
    [InlineData(TaskType.KeyReturn, "Aflevering af nøgler – Pavillon A")]
    [InlineData(TaskType.MoveOutInspection, "Fraflytningssyn – Pavillon A")]
    public void Plan_AMovesTask_IsTheHouseholdsDueOnTheDayNamedWithTheUnit(TaskType type, string title)
    {
        var planned = Assert.Single(MoveTasks.Plan([type], Day, " Pavillon A "));

        Assert.Equal(new PlannedTask(type, Day, null, title), planned);
    }

    [Theory]
    [InlineData(TaskType.PermanentHomeGuidance, 0, "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – Engholm Allé 13")]
    [InlineData(TaskType.PermanentHomeDefectsList, 14, "Mangelliste til boligselskabet – Engholm Allé 13")]
    public void Plan_APermanentHomesTask_IsDueTheDaysAfterTheMoveTheLeaseGives(TaskType type, int daysAfter, string title)
    {
        var planned = Assert.Single(MoveTasks.Plan([type], Day, "Engholm Allé 13"));

        Assert.Equal(new PlannedTask(type, Day.AddDays(daysAfter), null, title), planned);
        Assert.Equal(daysAfter, MoveTasks.DaysAfterMove(type));
    }

    [Theory]
    [InlineData(TaskType.PermanentHomeGuidance)]
    [InlineData(TaskType.PermanentHomeDefectsList)]
    [InlineData(TaskType.KeyHandover)]
    public void TitleWith_NamesAMovesTaskAsThePlanNamesIt_ForATaskNamedAnew(TaskType type)
    {
        Assert.Equal(Assert.Single(MoveTasks.Plan([type], Day, "Engholm Allé 15")).Title, MoveTasks.TitleWith(type, " Engholm Allé 15 "));
        Assert.Throws<ArgumentException>(() => MoveTasks.TitleWith(TaskType.TaxCard, "Engholm Allé 15"));
    }

    [Fact]
    public void IntoPermanentHome_GuidesTheHousehold_AndHasTheDefectsListHandedIn_NotAsAUnitOfOurs()
    {
        Assert.Equal([TaskType.PermanentHomeGuidance, TaskType.PermanentHomeDefectsList], MoveTasks.IntoPermanentHome);
        Assert.Empty(MoveTasks.IntoPermanentHome.Intersect(MoveTasks.MoveIn.Concat(MoveTasks.MoveOut)));
        Assert.All(MoveTasks.MoveIn.Concat(MoveTasks.MoveOut), type => Assert.Equal(0, MoveTasks.DaysAfterMove(type)));
    }

    [Fact]
    public void IntoTemporaryHome_IsTheHelpToRegisterForAPermanentHome_DueWithinTheFirstMonth()
    {
        Assert.Equal([TaskType.HousingRegistrationHelp], MoveTasks.IntoTemporaryHome);
        Assert.Equal("Hjælp til opskrivning til en permanent bolig", MoveTasks.Title(TaskType.HousingRegistrationHelp));
        Assert.Equal(30, MoveTasks.DaysAfterMove(TaskType.HousingRegistrationHelp));
        Assert.Empty(MoveTasks.IntoTemporaryHome.Intersect(MoveTasks.MoveIn.Concat(MoveTasks.MoveOut).Concat(MoveTasks.IntoPermanentHome)));
    }

    [Fact]
    public void OnFromTemporaryHome_IsTheMotivationToMoveOnOnceAMemberHasPaidWork_DueWhenItStarts()
    {
        Assert.Equal([TaskType.PermanentHomeMotivation], MoveTasks.OnFromTemporaryHome);
        Assert.Equal("Motivation til at flytte i permanent bolig, nu med arbejde", MoveTasks.Title(TaskType.PermanentHomeMotivation));
        Assert.Equal(0, MoveTasks.DaysAfterMove(TaskType.PermanentHomeMotivation));
    }

    [Fact]
    public void MoveOut_EndsTheLease_HandsTheKeysBack_AndHasTheUnitInspected()
    {
        Assert.Equal([TaskType.LeaseTermination, TaskType.KeyReturn, TaskType.MoveOutInspection], MoveTasks.MoveOut);
        Assert.Equal([TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction], MoveTasks.MoveIn);
        Assert.Empty(MoveTasks.MoveIn.Intersect(MoveTasks.MoveOut));
    }

    [Fact]
    public void Plan_ATaskNoMoveBrings_IsRefused()
    {
        Assert.Null(MoveTasks.Title(TaskType.TaxCard));
        Assert.Throws<ArgumentException>(() => MoveTasks.Plan([TaskType.LeaseTermination, TaskType.TaxCard], Day, "Pavillon A"));
        Assert.Throws<ArgumentException>(() => MoveTasks.Plan(MoveTasks.MoveOut, Day, " "));
    }

    [Fact]
    public void TitleWith_AnAddressOfTheLongestLength_IsCutToTheLongestTitleATaskHas()
    {
        var address = new string('A', 300);

        var title = MoveTasks.TitleWith(TaskType.PermanentHomeGuidance, address);
        var planned = MoveTasks.Plan(MoveTasks.IntoPermanentHome, Day, address);

        Assert.Equal(Indgang.Domain.Tasks.CaseTask.TitleLength, title.Length);
        Assert.StartsWith("Vejledning om boligselskabets regler og husorden, og hvor man henvender sig – AAA", title, StringComparison.Ordinal);
        Assert.EndsWith("A…", title, StringComparison.Ordinal);
        Assert.All(planned, task => Assert.True(task.Title.Length <= Indgang.Domain.Tasks.CaseTask.TitleLength, task.Title));
        Assert.Equal("Lejekontrakt – Pavillon A", MoveTasks.TitleWith(TaskType.LeaseContract, " Pavillon A "));
    }

    [Fact]
    public void MoveOutTasks_AreNoArrivalChecklistItem()
    {
        var checklistTypes = Enum.GetValues<HouseholdType>().SelectMany(ChecklistTemplates.Default.For).Select(i => i.Type).ToHashSet();

        Assert.All(MoveTasks.MoveOut.Concat(MoveTasks.IntoPermanentHome).Concat(MoveTasks.IntoTemporaryHome), type => Assert.DoesNotContain(type, checklistTypes));
        Assert.All(MoveTasks.MoveIn, type => Assert.Contains(type, checklistTypes));
    }
}
