using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.Tests.Reception;

/// <summary>Which open tasks follow a changed arrival, and to which day: the rule alone, without a database.</summary>
public sealed class ChecklistReschedulerTests
{
    private static readonly Guid Household = Guid.NewGuid();
    private static readonly Guid Department = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly DateOnly Was = new(2027, 3, 1);
    private static readonly DateOnly Becomes = new(2027, 3, 8);

    [Fact]
    public void OpenTaskOnTheDayTheChecklistGaveIt_MovesToTheNewDay_ForItsOwnMember()
    {
        var mine = Task(TaskType.TaxCard, Member, Was.AddDays(14));
        var others = Task(TaskType.TaxCard, Guid.NewGuid(), Was.AddDays(14));

        var moves = ChecklistRescheduler.Moves(
            [mine, others],
            [new(TaskType.TaxCard, Member, Was.AddDays(14))],
            [new(TaskType.TaxCard, Member, Becomes.AddDays(14))],
            []);

        Assert.Equal([(mine, Becomes.AddDays(14))], moves);
    }

    [Fact]
    public void TaskDueOnAnotherDay_ClosedTask_PinnedType_OrNoNewDay_StayWhereTheyAre()
    {
        var setByHand = Task(TaskType.GpRegistration, null, Was.AddDays(12));
        var completed = Task(TaskType.StartPackage, null, Was);
        completed.Complete("someone", DateTimeOffset.UnixEpoch);
        var lease = Task(TaskType.LeaseContract, null, Was);
        var dropped = Task(TaskType.SchoolOrDaycareOffer, Member, Was.AddDays(14));

        var moves = ChecklistRescheduler.Moves(
            [setByHand, completed, lease, dropped],
            [new(TaskType.GpRegistration, null, Was.AddDays(10)), new(TaskType.StartPackage, null, Was), new(TaskType.LeaseContract, null, Was), new(TaskType.SchoolOrDaycareOffer, Member, Was.AddDays(14))],
            [new(TaskType.GpRegistration, null, Becomes.AddDays(10)), new(TaskType.StartPackage, null, Becomes), new(TaskType.LeaseContract, null, Becomes)],
            [TaskType.LeaseContract]);

        Assert.Empty(moves);
    }

    [Fact]
    public void TaskOnTheDayOfAnyEarlierArrival_Moves()
    {
        // Scheduled from the expected arrival, before a planned move-in set the arrival to its own day.
        var fromExpected = Task(TaskType.BankAccount, Member, Was.AddDays(14));

        var moves = ChecklistRescheduler.Moves(
            [fromExpected],
            [new(TaskType.BankAccount, Member, Was.AddDays(19)), new(TaskType.BankAccount, Member, Was.AddDays(14))],
            [new(TaskType.BankAccount, Member, Becomes.AddDays(14))],
            []);

        Assert.Equal([(fromExpected, Becomes.AddDays(14))], moves);
    }

    private static CaseTask Task(TaskType type, Guid? person, DateOnly due) => new(Household, person, type, Department, type.ToString(), due);
}
