using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.DemoData;

/// <summary>An offer of a permanent home in the demo's history, made this many days before the household moved.</summary>
/// <summary>An offer in a demo household's history; <paramref name="DeclineReason"/>: why it was said no to, if it was.</summary>
internal sealed record DemoOffer(string Address, int DaysBeforeMove, string? DeclineReason = null);

/// <summary>
/// A household that came a year or two ago, lived in one of our temporary units for <see cref="StayDays"/>, was put on
/// a housing association's waiting list a month after it came, and moved on to a permanent home it was offered (after
/// saying no to <see cref="Declined"/>, when there was one).
/// </summary>
internal sealed record DemoFormerResident(
    string Name,
    string UnitLabel,
    int ArrivedDaysAgo,
    int StayDays,
    string Association,
    string WaitingListNumber,
    DemoOffer? Declined,
    DemoOffer Accepted,
    IReadOnlyList<ArrivalMember> Members)
{
    /// <summary>Udlændingestyrelsen's notice came, and the coordinator registered it, this long before they came.</summary>
    public int RegisteredDaysAgo => ArrivedDaysAgo + 15;

    public int ListedDaysAgo => ArrivedDaysAgo - 30;

    public int MovedOutDaysAgo => ArrivedDaysAgo - StayDays;

    public ArrivalRequest Request(DateOnly today) => new(Name, today.AddDays(-RegisteredDaysAgo - 10), today.AddDays(-ArrivedDaysAgo), Members);
}

/// <summary>
/// The households that have moved on from our temporary housing to a permanent home: what the capacity forecast learns
/// the typical stay from (HOUSE-4), and the pipeline's completed moves (HOUSE-5). Fictitious; the CPR numbers are
/// invented. They came more than a year ago (never this year's quota), stayed from seven to fourteen months, and the
/// units they lived in are free again. Their arrival work and their deadlines so far were done in time.
/// </summary>
internal static class DemoFormerResidents
{
    /// <summary>The temporary units they lived in have been the municipality's this long.</summary>
    public const int StockInUseDaysAgo = 730;

    public static IReadOnlyList<DemoFormerResident> All { get; } =
    [
        new("Familien Yousef", "Pavillon A", ArrivedDaysAgo: 700, StayDays: 420, "Engholm Boligselskab", "EB-1874",
            Declined: new("Engholm Allé 3, 3. tv., 3450 Allerød", DaysBeforeMove: 150, "Tredje sal uden elevator; Huda har svært ved trapper."),
            Accepted: new("Engholm Allé 5, st. th., 3450 Allerød", DaysBeforeMove: 35),
            [
                Member("Khaled", "Yousef", "1403861029", Gender.Male, "Syrien", "arabisk"),
                Member("Huda", "Yousef", "0209902028", Gender.Female, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Spouse, NeedsInterpreter = true },
                Member("Sami", "Yousef", "1105144039", Gender.Male, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Child },
                Member("Nour", "Yousef", "2508184002", Gender.Female, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Child },
            ]),
        new("Familien Nazari", "Lejlighed 1", ArrivedDaysAgo: 560, StayDays: 220, "Lillerød Boligforening", "LB-0412",
            Declined: null,
            Accepted: new("Kongevejen 21, 1. tv., 3450 Allerød", DaysBeforeMove: 30),
            [
                Member("Farid", "Nazari", "3007911059", Gender.Male, "Afghanistan", "dari, engelsk"),
                Member("Maryam", "Nazari", "1704942008", Gender.Female, "Afghanistan", "dari") with { RelationToFirst = RelationKind.Spouse },
                Member("Ali", "Nazari", "0803204039", Gender.Male, "Afghanistan", "dari") with { RelationToFirst = RelationKind.Child },
            ]),
        new("Familien Osman", "Pavillon B", ArrivedDaysAgo: 450, StayDays: 300, "Engholm Boligselskab", "EB-2017",
            Declined: null,
            Accepted: new("Engholm Allé 11, 2. th., 3450 Allerød", DaysBeforeMove: 40),
            [
                Member("Ibrahim", "Osman", "1902951039", Gender.Male, "Sudan", "arabisk, engelsk"),
                Member("Fatima", "Osman", "0611972008", Gender.Female, "Sudan", "arabisk") with { RelationToFirst = RelationKind.Spouse },
            ]),
    ];

    private static ArrivalMember Member(string firstName, string lastName, string cpr, Gender gender, string nationality, string languages) =>
        new(firstName, lastName, CprNumber.Parse(cpr).BirthDate, gender, ResidenceBasis.VisitedRefugee, nationality, languages, Cpr: cpr);
}
