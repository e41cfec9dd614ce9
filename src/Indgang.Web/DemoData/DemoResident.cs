using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.DemoData;

/// <summary>
/// A couple who came months ago and live in one of the temporary units, on a housing association's waiting list, and
/// have just been offered a permanent home they have not answered yet: the demo's picture of the way on to a permanent
/// home, which the households before them have gone (<see cref="DemoFormerResidents"/>). Fictitious; the CPR numbers
/// are invented.
/// </summary>
internal static class DemoResident
{
    public const string Name = "Familien Sharifi";

    /// <summary>Their temporary home (whole, two beds: the demo's free beds are the same with or without them).</summary>
    public const string UnitLabel = "Lejlighed 3";

    public const string Association = "Engholm Boligselskab";

    public const string WaitingListNumber = "EB-2231";

    /// <summary>Udlændingestyrelsen's notice came this many days ago; the coordinator registered it that day.</summary>
    public const int RegisteredDaysAgo = 150;

    /// <summary>They came, and moved in, this many days ago.</summary>
    public const int ArrivedDaysAgo = 130;

    /// <summary>The housing coordinator put them on the association's waiting list a month after they came.</summary>
    public const int WaitingListDaysAgo = 100;

    /// <summary>The association offered them a home this many days ago; the answer is still to come.</summary>
    public const int OfferedDaysAgo = 5;

    /// <summary>The association wants the answer within the days ahead (svarfrist).</summary>
    public const int AnswerInDays = 3;

    public const string OfferedAddress = "Engholm Allé 13, 1. tv., 3450 Allerød";

    /// <summary>The offered home, as the association describes it: four rooms for the family.</summary>
    public const int OfferedRooms = 4;

    public const decimal OfferedRent = 7450m;

    public static ArrivalRequest Request(DateOnly today) => new(
        Name,
        today.AddDays(-RegisteredDaysAgo - 10),
        today.AddDays(-ArrivedDaysAgo),
        [
            Member("Jawad", "0910891049", Gender.Male),
            Member("Zahra", "2203921058", Gender.Female) with { RelationToFirst = RelationKind.Spouse },
        ]);

    private static ArrivalMember Member(string firstName, string cpr, Gender gender) =>
        new(firstName, "Sharifi", CprNumber.Parse(cpr).BirthDate, gender, ResidenceBasis.VisitedRefugee, "Afghanistan", "dari, engelsk", Cpr: cpr);
}
