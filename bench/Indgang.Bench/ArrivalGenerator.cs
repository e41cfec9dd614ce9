using Indgang.Domain.People;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Reception;

namespace Indgang.Bench;

/// <summary>
/// Fictitious expected arrivals as Udlændingestyrelsen's notices describe them, for the pages benchmark: singles, couples
/// and families with one to four children, from the countries refugees have come from in recent years, arriving over the
/// last five years and up to three months ahead. Names are drawn from each country's lists; one name and birth date twice
/// is rare and confirmed as another person, as the coordinator would.
/// </summary>
internal static class ArrivalGenerator
{
    private const int YearsBack = 5;
    private const int DaysAhead = 90;

    private static readonly Origin[] Origins =
    [
        new("Syrien", "arabisk", 20,
            ["Ahmad", "Mohammad", "Khaled", "Omar", "Yusuf", "Hassan", "Bilal", "Karim", "Tarek", "Samir", "Walid", "Rami"],
            ["Fatima", "Aisha", "Huda", "Rana", "Layla", "Nour", "Reem", "Salma", "Dima", "Lina", "Hala", "Maha"],
            ["Haddad", "Khalil", "Mansour", "Darwish", "Hamdan", "Saleh", "Qasim", "Najjar", "Barakat", "Aziz", "Sabbagh", "Al-Hassan"]),
        new("Afghanistan", "dari", 20,
            ["Farid", "Habib", "Jawad", "Masoud", "Nasir", "Rahim", "Sayed", "Zabihullah", "Hamid", "Wahid"],
            ["Maryam", "Farzana", "Habiba", "Nadia", "Parwana", "Shabnam", "Zahra", "Mina", "Laila", "Sima"],
            ["Nazari", "Ahmadi", "Hakimi", "Karimi", "Rahimi", "Sultani", "Wardak", "Popal", "Hashimi", "Noori"]),
        new("Ukraine", "ukrainsk", 25,
            ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Ivan", "Yurii", "Taras", "Bohdan", "Vasyl"],
            ["Olena", "Iryna", "Natalia", "Oksana", "Kateryna", "Tetiana", "Yuliia", "Svitlana", "Anna", "Mariia"],
            ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Oliinyk", "Lysenko", "Savchenko"]),
        new("Eritrea", "tigrinya", 15,
            ["Tesfay", "Yonas", "Dawit", "Kidane", "Mehari", "Filmon", "Samuel", "Haile", "Amanuel", "Biniam"],
            ["Selam", "Helen", "Senait", "Tsega", "Rahwa", "Saba", "Luwam", "Freweyni", "Yordanos", "Miriam"],
            ["Tesfamariam", "Ghebremedhin", "Berhane", "Weldemariam", "Kahsay", "Abraha", "Tekle", "Gebru", "Negash", "Habte"]),
        new("Somalia", "somali", 10,
            ["Abdi", "Ahmed", "Abdullahi", "Mohamed", "Ibrahim", "Yasin", "Mahad", "Liban"],
            ["Amina", "Hodan", "Faadumo", "Sahra", "Ayaan", "Hawa", "Ubah", "Deeqa"],
            ["Warsame", "Farah", "Hussein", "Jama", "Osman", "Yusuf", "Ali", "Egal"]),
        new("Iran", "farsi", 10,
            ["Reza", "Ali", "Hossein", "Mehdi", "Amir", "Babak", "Kian", "Arash"],
            ["Shirin", "Nasrin", "Parisa", "Leila", "Mahsa", "Roya", "Sara", "Azadeh"],
            ["Rezaei", "Mohammadi", "Hosseini", "Jafari", "Moradi", "Tehrani", "Sadeghi", "Ebrahimi"]),
    ];

    /// <summary><paramref name="households"/> arrivals, in the order they are expected.</summary>
    public static IReadOnlyList<ArrivalRequest> Create(int households, DateOnly today, Random random)
    {
        var first = today.AddYears(-YearsBack);
        var days = today.DayNumber - first.DayNumber + DaysAhead;
        return Enumerable.Range(0, households)
            .Select(_ => Household(first.AddDays(random.Next(days + 1)), today, random))
            .OrderBy(r => r.ExpectedArrival)
            .ToList();
    }

    private static ArrivalRequest Household(DateOnly arrival, DateOnly today, Random random)
    {
        var origin = Pick(random);
        var lastName = origin.LastNames[random.Next(origin.LastNames.Length)];
        var basis = random.NextDouble() switch
        {
            < 0.70 => ResidenceBasis.VisitedRefugee,
            < 0.85 => ResidenceBasis.QuotaRefugee,
            _ => ResidenceBasis.FamilyReunified,
        };
        var members = new List<ArrivalMember>();
        var shape = random.NextDouble();
        if (shape < 0.35)
        {
            // A single adult, more often a man.
            var gender = random.NextDouble() < 0.65 ? Gender.Male : Gender.Female;
            members.Add(Adult(origin, lastName, gender, 18 + (int)(random.NextDouble() * random.NextDouble() * 40), arrival, today, basis, random));
        }
        else
        {
            var parentAge = 24 + random.Next(27);
            var singleParent = shape is >= 0.55 and < 0.65;
            var firstGender = singleParent ? (random.NextDouble() < 0.85 ? Gender.Female : Gender.Male) : Gender.Male;
            members.Add(Adult(origin, lastName, firstGender, parentAge, arrival, today, basis, random));
            if (!singleParent)
            {
                members.Add(Adult(origin, lastName, Gender.Female, Math.Max(20, parentAge - random.Next(6)), arrival, today, basis, random)
                    with { RelationToFirst = RelationKind.Spouse });
            }

            var children = shape < 0.55 ? 0 : random.NextDouble() switch { < 0.35 => 1, < 0.65 => 2, < 0.85 => 3, _ => 4 };
            for (var c = 0; c < children; c++)
            {
                var age = random.Next(Math.Min(17, parentAge - 19) + 1);
                members.Add(Child(origin, lastName, age, arrival, today, basis, random));
            }
        }

        // Family-reunified persons mostly live with the person they joined: the municipality finds them no home.
        var livesWithReferencePerson = basis == ResidenceBasis.FamilyReunified && random.NextDouble() < 0.6;
        var familyToJoin = basis == ResidenceBasis.VisitedRefugee && members.Count <= 2 && random.NextDouble() < 0.1 ? 1 + random.Next(3) : 0;
        DateOnly? decided = basis == ResidenceBasis.VisitedRefugee ? Earlier(arrival.AddDays(-14 - random.Next(56)), today) : null;
        return new ArrivalRequest(null, decided, arrival, members, ConfirmPossibleDuplicates: true, livesWithReferencePerson, familyToJoin);
    }

    private static ArrivalMember Adult(Origin origin, string lastName, Gender gender, int age, DateOnly arrival, DateOnly today, ResidenceBasis basis, Random random)
    {
        var names = gender == Gender.Male ? origin.MaleNames : origin.FemaleNames;
        var languages = random.NextDouble() < 0.3 ? $"{origin.Language}, engelsk" : origin.Language;
        return new ArrivalMember(
            names[random.Next(names.Length)], lastName, BirthDate(age, arrival, today, random), gender, basis, origin.Country, languages,
            NeedsInterpreter: random.NextDouble() < 0.6,
            NeedsAccessibleHousing: random.NextDouble() < 0.02,
            HasMedicalFlag: random.NextDouble() < 0.04);
    }

    private static ArrivalMember Child(Origin origin, string lastName, int age, DateOnly arrival, DateOnly today, ResidenceBasis basis, Random random)
    {
        var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var names = gender == Gender.Male ? origin.MaleNames : origin.FemaleNames;
        return new ArrivalMember(names[random.Next(names.Length)], lastName, BirthDate(age, arrival, today, random), gender, basis, origin.Country, origin.Language,
            RelationToFirst: RelationKind.Child);
    }

    /// <summary>So many whole years old on the arrival day; a baby expected with a family ahead is born by now.</summary>
    private static DateOnly BirthDate(int age, DateOnly arrival, DateOnly today, Random random) =>
        Earlier(arrival.AddYears(-age).AddDays(-random.Next(365)), today.AddDays(-1));

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static Origin Pick(Random random)
    {
        var roll = random.Next(Origins.Sum(o => o.Weight));
        foreach (var origin in Origins)
        {
            if ((roll -= origin.Weight) < 0)
            {
                return origin;
            }
        }

        return Origins[^1];
    }

    private sealed record Origin(string Country, string Language, int Weight, string[] MaleNames, string[] FemaleNames, string[] LastNames);
}
