using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Web.DemoData;

/// <summary>
/// A few fictitious households, registered through the same path a coordinator uses, with dates
/// relative to today so that the dashboards have something due. The CPR numbers are invented.
/// </summary>
internal static class DemoHouseholds
{
    /// <summary>The household whose arrival is recorded in the demo (the others are still expected or to confirm).</summary>
    public const string ArrivedAsExpected = "Familien Haddad";

    public static IEnumerable<ArrivalRequest> Create(DateOnly today)
    {
        yield return new ArrivalRequest(
            ArrivedAsExpected,
            today.AddDays(-75),
            today.AddDays(-20),
            [
                Member("Ahmad", "Haddad", "1203841235", Gender.Male, "Syrien", "arabisk, engelsk"),
                Member("Rania", "Haddad", "0507872468", Gender.Female, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Spouse, NeedsInterpreter = true },
                Member("Omar", "Haddad", "2306164013", Gender.Male, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Child },
                Member("Lina", "Haddad", "1102204026", Gender.Female, "Syrien", "arabisk") with { RelationToFirst = RelationKind.Child },
            ]);

        // Arrives soon, without a CPR number yet. He has applied for family reunification with his wife and their two
        // children: his permanent home is to have room for all four (seed 004).
        yield return new ArrivalRequest(
            null,
            today.AddDays(-30),
            today.AddDays(10),
            [new ArrivalMember("Tesfay", "Gebremedhin", new DateOnly(1998, 9, 4), Gender.Male, ResidenceBasis.VisitedRefugee, "Eritrea", "tigrinya", NeedsInterpreter: true)],
            FamilyToJoin: 3);

        yield return new ArrivalRequest(
            "Familien Kovalenko",
            null,
            today.AddDays(-5),
            [
                Member("Olena", "Kovalenko", "0202901234", Gender.Female, "Ukraine", "ukrainsk, russisk") with { Basis = ResidenceBasis.QuotaRefugee },
                Member("Maksym", "Kovalenko", "1509154011", Gender.Male, "Ukraine", "ukrainsk") with { Basis = ResidenceBasis.QuotaRefugee, RelationToFirst = RelationKind.Child },
            ]);

        // Family-reunified with a husband and father who lives in his own flat in the municipality: they move in with
        // him, so the municipality finds them no home (integrationsloven § 12) and they are not on the waiting list.
        yield return new ArrivalRequest(
            "Familien Warsame",
            null,
            today.AddDays(14),
            [
                new ArrivalMember("Amina", "Warsame", new DateOnly(1994, 4, 18), Gender.Female, ResidenceBasis.FamilyReunified, "Somalia", "somali", NeedsInterpreter: true),
                new ArrivalMember("Bilal", "Warsame", new DateOnly(2019, 11, 2), Gender.Male, ResidenceBasis.FamilyReunified, "Somalia", "somali", RelationToFirst: RelationKind.Child),
            ],
            LivesWithReferencePerson: true);
    }

    private static ArrivalMember Member(string firstName, string lastName, string cpr, Gender gender, string nationality, string languages) =>
        new(firstName, lastName, CprNumber.Parse(cpr).BirthDate, gender, ResidenceBasis.VisitedRefugee, nationality, languages, Cpr: cpr);
}
