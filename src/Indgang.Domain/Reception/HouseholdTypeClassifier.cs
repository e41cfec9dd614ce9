using Indgang.Domain.People;

namespace Indgang.Domain.Reception;

public static class HouseholdTypeClassifier
{
    /// <summary>
    /// In order: everyone family-reunified → joining (whatever their ages); any unaccompanied minor, or
    /// no adult at all → unaccompanied minor; any child → family with children; one adult → single
    /// adult; otherwise adults without children. Ages are taken on <paramref name="on"/>.
    /// </summary>
    public static HouseholdType Classify(IReadOnlyList<(DateOnly BirthDate, ResidenceBasis Basis)> members, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A household has at least one member.", nameof(members));
        }

        var adults = members.Count(member => Age.IsAdultOn(member.BirthDate, on));
        if (members.All(member => member.Basis == ResidenceBasis.FamilyReunified))
        {
            return HouseholdType.FamilyReunifiedJoining;
        }

        if (adults == 0 || members.Any(member => member.Basis == ResidenceBasis.UnaccompaniedMinor))
        {
            return HouseholdType.UnaccompaniedMinor;
        }

        if (adults < members.Count)
        {
            return HouseholdType.FamilyWithChildren;
        }

        return adults == 1 ? HouseholdType.SingleAdult : HouseholdType.AdultsWithoutChildren;
    }
}
