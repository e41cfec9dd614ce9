using Indgang.Domain.Plans;

namespace Indgang.Domain.Tests.Plans;

/// <summary>
/// Seed 001, Jobberiet: "Motivere flygtningene til at flytte i permanente boliger, når de opnår beskæftigelse". Paid work in
/// "Min plan" is IGU and løntilskud; a save that adds one, planned or going on, begins it.
/// </summary>
public sealed class PaidWorkTests
{
    private static readonly DateOnly Start = new(2027, 2, 1);

    public static TheoryData<ActivityKind, ActivityStatus, bool> AddedActivities => new()
    {
        { ActivityKind.Igu, ActivityStatus.Planned, true },
        { ActivityKind.Igu, ActivityStatus.Ongoing, true },
        { ActivityKind.WageSubsidy, ActivityStatus.Planned, true },
        { ActivityKind.Employment, ActivityStatus.Planned, true },
        { ActivityKind.Employment, ActivityStatus.Ongoing, true },
        { ActivityKind.Employment, ActivityStatus.Completed, false },
        { ActivityKind.Igu, ActivityStatus.Cancelled, false },
        { ActivityKind.WageSubsidy, ActivityStatus.Completed, false },
        { ActivityKind.CompanyInternship, ActivityStatus.Ongoing, false },
        { ActivityKind.JobSearch, ActivityStatus.Ongoing, false },
        { ActivityKind.DanishEducation, ActivityStatus.Planned, false },
    };

    [Theory]
    [MemberData(nameof(AddedActivities))]
    public void Begun_OnlyPaidWorkPlannedOrGoingOn(ActivityKind kind, ActivityStatus status, bool begun)
    {
        var after = Content(Activity(kind, Start, status));

        Assert.Equal(begun, PaidWork.Begun(PlanContent.Empty, after) is not null);
    }

    [Fact]
    public void Begun_NotAgainForWorkThePlanHadBefore_EvenWhenItGoesOnNow()
    {
        var before = Content(Activity(ActivityKind.Igu, Start, ActivityStatus.Planned));
        var after = Content(Activity(ActivityKind.Igu, Start, ActivityStatus.Ongoing));

        Assert.Null(PaidWork.Begun(before, after));
    }

    [Fact]
    public void Begun_WorkThePlanHadCancelled_PlannedAgain_Begins()
    {
        var before = Content(Activity(ActivityKind.Igu, Start, ActivityStatus.Cancelled));
        var after = Content(Activity(ActivityKind.Igu, Start, ActivityStatus.Planned));

        Assert.Equal(Start, PaidWork.Begun(before, after)?.Start);
    }

    [Fact]
    public void Begun_TheEarliestOfTheNewWork()
    {
        var before = Content(Activity(ActivityKind.WageSubsidy, Start.AddMonths(-6), ActivityStatus.Ongoing));
        var after = Content(
            Activity(ActivityKind.WageSubsidy, Start.AddMonths(-6), ActivityStatus.Ongoing),
            Activity(ActivityKind.Igu, Start.AddMonths(3), ActivityStatus.Planned),
            Activity(ActivityKind.WageSubsidy, Start, ActivityStatus.Planned));

        Assert.Equal((ActivityKind.WageSubsidy, Start), (PaidWork.Begun(before, after)!.Kind, PaidWork.Begun(before, after)!.Start));
    }

    private static PlanActivity Activity(ActivityKind kind, DateOnly start, ActivityStatus status) => new(kind, kind.ToString(), null, start, null, status);

    private static PlanContent Content(params PlanActivity[] activities) => new([], activities);
}
