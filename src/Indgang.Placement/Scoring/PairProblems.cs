namespace Indgang.Placement.Scoring;

/// <summary>Why one household cannot live in one unit, whoever else is placed.</summary>
[Flags]
internal enum PairProblems
{
    None = 0,
    TooFewBeds = 1,
    SharedRoomNotForThisHousehold = 2,
    NotStepFree = 4,
    RentAboveCap = 8,
    VulnerableArea = 16,
    NotYetAvailable = 32,
    Excluded = 64,
    LockedElsewhere = 128,
    UnitLockedToOther = 256,
    TooFewSchoolSeats = 512,
    OtherGenderInSharedRoom = 1024,
    NoRoomForFamilyToJoin = 2048,
}

internal static class PairCheck
{
    /// <summary>
    /// Problems(...) == None, answered with the cheap field comparisons first: this runs for every household and
    /// unit, up to a million times for the largest instances.
    /// </summary>
    /// <summary>
    /// The yearly rent-cap order covers temporary housing only (domain-rules.md): a permanent home is
    /// let under the rent act, and whether it is affordable is the coordinator's judgement.
    /// </summary>
    public static bool RentWithinCap(PlacementHousehold household, PlacementUnit unit) =>
        unit.IsPermanent || unit.MonthlyRent <= household.MonthlyRentCap;

    /// <summary>
    /// A permanent home for a household that waits for family by family reunification is a whole unit with beds for
    /// them too (seed 004: the whole family moves once); a household that already fits it but not its family is left in
    /// temporary housing until a home for all of them is found.
    /// </summary>
    private static bool NoRoomForFamilyToJoin(PlacementHousehold household, PlacementUnit unit) =>
        household.FamilyToJoin > 0 && unit.IsPermanent && (unit.IsSharedRoom || unit.Beds < household.Size + household.FamilyToJoin);

    public static bool Allows(PlacementIndex index, PlacementHousehold household, PlacementUnit unit)
    {
        var fits = unit.IsSharedRoom
            ? household.IsSingleAdult && household.Gender is not null && unit.Beds >= 1 && (unit.SharedWith is null || unit.SharedWith == household.Gender)
            : unit.Beds >= household.Size;
        fits &= !NoRoomForFamilyToJoin(household, unit);
        return fits &&
            RentWithinCap(household, unit) &&
            (unit.StepFree || !household.NeedsStepFree) &&
            !unit.InVulnerableArea &&
            unit.AvailableFrom <= household.NeededFrom(index.Request.PlanningDate) &&
            Problems(index, household, unit) == PairProblems.None;
    }

    public static PairProblems Problems(PlacementIndex index, PlacementHousehold household, PlacementUnit unit)
    {
        var problems = PairProblems.None;
        if (unit.IsSharedRoom)
        {
            // Gender must be known to keep a shared room single-gender.
            if (!household.IsSingleAdult || household.Gender is null)
            {
                problems |= PairProblems.SharedRoomNotForThisHousehold;
            }

            if (unit.Beds < 1)
            {
                problems |= PairProblems.TooFewBeds;
            }

            if (unit.SharedWith is { } living && household.Gender != living)
            {
                problems |= PairProblems.OtherGenderInSharedRoom;
            }
        }
        else if (unit.Beds < household.Size)
        {
            problems |= PairProblems.TooFewBeds;
        }

        if (NoRoomForFamilyToJoin(household, unit))
        {
            problems |= PairProblems.NoRoomForFamilyToJoin;
        }

        if (household.NeedsStepFree && !unit.StepFree)
        {
            problems |= PairProblems.NotStepFree;
        }

        if (!RentWithinCap(household, unit))
        {
            problems |= PairProblems.RentAboveCap;
        }

        if (unit.InVulnerableArea)
        {
            problems |= PairProblems.VulnerableArea;
        }

        if (unit.AvailableFrom > household.NeededFrom(index.Request.PlanningDate))
        {
            problems |= PairProblems.NotYetAvailable;
        }

        if (index.Exclusions.Contains((household.Id, unit.Id)))
        {
            problems |= PairProblems.Excluded;
        }

        if (index.LocksByHousehold.TryGetValue(household.Id, out var lockedUnits) &&
            (lockedUnits.Count > 1 || lockedUnits[0] != unit.Id))
        {
            problems |= PairProblems.LockedElsewhere;
        }

        if (index.LockedWholeUnitHolders.TryGetValue(unit.Id, out var holders) &&
            (holders.Count > 1 || holders[0] != household.Id))
        {
            problems |= PairProblems.UnitLockedToOther;
        }

        if (index.SchoolSeats.TryGetValue(unit.District, out var seats) && household.SchoolAgeChildren > seats)
        {
            problems |= PairProblems.TooFewSchoolSeats;
        }

        return problems;
    }

    public static IEnumerable<string> DanishReasons(PairProblems problems)
    {
        foreach (var problem in Enum.GetValues<PairProblems>().Where(p => p != PairProblems.None && problems.HasFlag(p)))
        {
            yield return problem switch
            {
                PairProblems.TooFewBeds => ExplanationTexts.TooFewBeds,
                PairProblems.SharedRoomNotForThisHousehold => ExplanationTexts.SharedRoomNotForThisHousehold,
                PairProblems.NotStepFree => ExplanationTexts.NotStepFree,
                PairProblems.RentAboveCap => ExplanationTexts.RentAboveCap,
                PairProblems.VulnerableArea => ExplanationTexts.VulnerableArea,
                PairProblems.NotYetAvailable => ExplanationTexts.NotYetAvailable,
                PairProblems.Excluded => ExplanationTexts.Excluded,
                PairProblems.LockedElsewhere => ExplanationTexts.LockedElsewhere,
                PairProblems.UnitLockedToOther => ExplanationTexts.UnitLockedToOther,
                PairProblems.TooFewSchoolSeats => ExplanationTexts.TooFewSchoolSeats,
                PairProblems.OtherGenderInSharedRoom => ExplanationTexts.OtherGenderInSharedRoom,
                PairProblems.NoRoomForFamilyToJoin => ExplanationTexts.NoRoomForFamilyToJoin,
                _ => problem.ToString(),
            };
        }
    }
}
