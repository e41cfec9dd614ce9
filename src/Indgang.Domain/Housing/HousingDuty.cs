using Indgang.Domain.Reception;

namespace Indgang.Domain.Housing;

/// <summary>
/// The municipality's duty to house (integrationsloven § 12) and the yearly quota (kommunekvote), as far as a household's
/// residence bases decide them. The municipality must house a visited refugee, but has no duty to house family-reunified
/// persons who will live with the person they joined (den herboende). The quota counts the refugees Udlændingestyrelsen
/// visits to the municipality (visited and quota refugees, unaccompanied minors), not family-reunified persons. The duty
/// covers the first permanent home only: once a household has moved into one of our permanent units, or accepted a
/// permanent home through the pipeline, it never waits for a home from the municipality again.
/// </summary>
public static class HousingDuty
{
    /// <summary>
    /// Whether a household with these members may be recorded as living with the person they joined, so that the
    /// municipality finds it no home: only when every member is family-reunified.
    /// </summary>
    public static bool MayLiveWithReferencePerson(IEnumerable<ResidenceBasis> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var bases = members.ToList();
        return bases.Count > 0 && bases.TrueForAll(b => b == ResidenceBasis.FamilyReunified);
    }

    /// <summary>
    /// The arrival checklist's tasks that only a home from the municipality brings (the lease, the keys, the start package
    /// of household goods and furniture for it, the house rules, the defects list at move-in): not given to a household
    /// that lives with the person it joined, in that person's home.
    /// </summary>
    public static readonly IReadOnlyList<TaskType> HomeTasks =
        [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.StartPackage, TaskType.HouseRulesIntroduction, TaskType.MoveInDefectsList];

    /// <summary>The bases the yearly quota counts: everyone but the family-reunified (a list a database query can use).</summary>
    public static readonly IReadOnlyList<ResidenceBasis> QuotaBases =
        [ResidenceBasis.VisitedRefugee, ResidenceBasis.QuotaRefugee, ResidenceBasis.UnaccompaniedMinor];

    /// <summary>Whether a person received on this basis counts against the municipality's yearly quota.</summary>
    public static bool CountsAgainstQuota(ResidenceBasis basis) => QuotaBases.Contains(basis);

    /// <summary>
    /// Where a household may move from a stay in one of our units. From a temporary unit anywhere; from a permanent unit,
    /// its first permanent home from the municipality, not to another of our units (the duty is fulfilled, so it would not
    /// wait for one): to a home of its own or out of the municipality.
    /// </summary>
    public static IReadOnlyList<MoveOutDestination> DestinationsFrom(bool temporaryStay) => temporaryStay ? AllDestinations : FromPermanentHome;

    private static readonly MoveOutDestination[] AllDestinations =
        [MoveOutDestination.OtherMunicipalUnit, MoveOutDestination.OwnHome, MoveOutDestination.LeftMunicipality];

    private static readonly MoveOutDestination[] FromPermanentHome = [MoveOutDestination.OwnHome, MoveOutDestination.LeftMunicipality];
}
