using Indgang.Domain.Plans;

namespace Indgang.Domain.Tests.Plans;

/// <summary>
/// PLAN-2, "what changed" between two versions of a plan. The same goal may stand twice, and two activities may share
/// kind and title (a blank title is the kind's name: two "Jobsøgning"): the history neither fails on them nor calls an
/// unchanged one changed, and a removed one is told as removed.
/// </summary>
public sealed class PlanDiffTests
{
    private static readonly DateOnly Start = new(2027, 2, 1);

    private static readonly PlanGoal Danish = new("Lære dansk", []);
    private static readonly PlanGoal Job = new("Ordinært job", ["Kørekort"]);
    private static readonly PlanActivity SearchA = Activity("Jobsøgning", Start);
    private static readonly PlanActivity SearchB = Activity("Jobsøgning", Start.AddMonths(3));

    public static TheoryData<string, PlanContent, PlanContent, string[]> Cases => new()
    {
        { "nothing changed", Plan([Danish, Job], [SearchA]), Plan([Danish, Job], [SearchA]), [] },
        { "the same goal twice, unchanged", Plan([Danish, Danish], []), Plan([Danish, Danish], []), [] },
        { "the same goal written a second time", Plan([Danish], []), Plan([Danish, Danish], []), ["Tilføjet Mål: – → Lære dansk"] },
        { "one of two equal goals removed", Plan([Danish, Danish], []), Plan([Danish], []), ["Fjernet Mål: Lære dansk → –"] },
        { "a goal's sub-goals changed", Plan([Job], []), Plan([Job with { SubGoals = ["Kørekort", "Dansk 2"] }], []), ["Ændret Mål: Ordinært job (Kørekort) → Ordinært job (Kørekort; Dansk 2)"] },
        { "a goal renamed", Plan([Danish], []), Plan([Danish with { Text = "Lære godt dansk" }], []), ["Tilføjet Mål: – → Lære godt dansk", "Fjernet Mål: Lære dansk → –"] },
        { "two activities of one kind and title, unchanged", Plan([], [SearchA, SearchB]), Plan([], [SearchA, SearchB]), [] },
        { "two activities of one kind and title, in another order", Plan([], [SearchA, SearchB]), Plan([], [SearchB, SearchA]), [] },
        { "the second of two removed", Plan([], [SearchA, SearchB]), Plan([], [SearchA]), ["Fjernet Aktivitet: Jobsøgning: 2027-05-01–…, Planned → –"] },
        { "the first of two removed", Plan([], [SearchA, SearchB]), Plan([], [SearchB]), ["Fjernet Aktivitet: Jobsøgning: 2027-02-01–…, Planned → –"] },
        { "a second of the same added", Plan([], [SearchA]), Plan([], [SearchA, SearchB]), ["Tilføjet Aktivitet: – → Jobsøgning: 2027-05-01–…, Planned"] },
        {
            "the second of two changed", Plan([], [SearchA, SearchB]), Plan([], [SearchA, SearchB with { Status = ActivityStatus.Ongoing }]),
            ["Ændret Aktivitet: Jobsøgning: 2027-05-01–…, Planned → Jobsøgning: 2027-05-01–…, Ongoing"]
        },
        {
            "both of two changed, paired in order", Plan([], [SearchA, SearchB]), Plan([], [SearchA with { End = Start.AddMonths(1) }, SearchB with { End = Start.AddMonths(4) }]),
            ["Ændret Aktivitet: Jobsøgning: 2027-02-01–…, Planned → Jobsøgning: 2027-02-01–2027-03-01, Planned",
             "Ændret Aktivitet: Jobsøgning: 2027-05-01–…, Planned → Jobsøgning: 2027-05-01–2027-06-01, Planned"]
        },
        {
            "an activity retitled", Plan([], [SearchA]), Plan([], [SearchA with { Title = "Jobsøgning i Netto" }]),
            ["Tilføjet Aktivitet: – → Jobsøgning i Netto: 2027-02-01–…, Planned", "Fjernet Aktivitet: Jobsøgning: 2027-02-01–…, Planned → –"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_TellsEachChangeOnce(string @case, PlanContent before, PlanContent after, string[] expected)
    {
        var changes = PlanDiff.Compare(before, after).Select(Show).ToArray();

        Assert.True(expected.SequenceEqual(changes), $"{@case}: expected [{string.Join(" | ", expected)}], got [{string.Join(" | ", changes)}]");
    }

    private static string Show(PlanChange change) =>
        $"{Kind(change.Kind)} {change.What}: {change.Before ?? "–"} → {change.After ?? "–"}";

    private static string Kind(PlanChangeKind kind) => kind switch
    {
        PlanChangeKind.Added => "Tilføjet",
        PlanChangeKind.Removed => "Fjernet",
        _ => "Ændret",
    };

    private static PlanContent Plan(PlanGoal[] goals, PlanActivity[] activities) => new(goals, activities);

    private static PlanActivity Activity(string title, DateOnly start) =>
        new(ActivityKind.JobSearch, title, null, start, null, ActivityStatus.Planned);
}
