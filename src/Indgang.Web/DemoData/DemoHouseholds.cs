using Indgang.Domain.People;

namespace Indgang.Web.DemoData;

/// <summary>A few fictitious households. The CPR numbers are invented and belong to no one.</summary>
internal static class DemoHouseholds
{
    public static IEnumerable<Household> Create(string coordinatorUserId)
    {
        var haddad = new Household("Familien Haddad", coordinatorUserId);
        var ahmad = Member(haddad, "Ahmad", "Haddad", "1203841235", "Syrien");
        var rania = Member(haddad, "Rania", "Haddad", "0507872468", "Syrien");
        var omar = Member(haddad, "Omar", "Haddad", "2306164013", "Syrien");
        var lina = Member(haddad, "Lina", "Haddad", "1102204026", "Syrien");
        haddad.Relate(ahmad, RelationKind.Spouse, rania);
        foreach (var child in new[] { omar, lina })
        {
            haddad.Relate(ahmad, RelationKind.Parent, child);
            haddad.Relate(rania, RelationKind.Parent, child);
        }

        haddad.Relate(omar, RelationKind.Sibling, lina);
        yield return haddad;

        var tesfay = new Household("Tesfay Gebremedhin", coordinatorUserId);
        // Arrived without a CPR number yet.
        tesfay.AddMember(new Person("Tesfay", "Gebremedhin", new DateOnly(1998, 9, 4), Gender.Male) { Nationality = "Eritrea" });
        yield return tesfay;

        var kovalenko = new Household("Familien Kovalenko", coordinatorUserId);
        var olena = Member(kovalenko, "Olena", "Kovalenko", "0202901234", "Ukraine");
        var maksym = Member(kovalenko, "Maksym", "Kovalenko", "1509154011", "Ukraine");
        kovalenko.Relate(olena, RelationKind.Parent, maksym);
        yield return kovalenko;
    }

    private static Person Member(Household household, string firstName, string lastName, string cpr, string nationality)
    {
        var number = CprNumber.Parse(cpr);
        var person = new Person(firstName, lastName, number.BirthDate, number.Gender) { Nationality = nationality };
        person.AssignCpr(number);
        household.AddMember(person);
        return person;
    }
}
