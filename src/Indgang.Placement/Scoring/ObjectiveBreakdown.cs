namespace Indgang.Placement.Scoring;

/// <summary>
/// Scores a plan household by household. Pair terms belong to their household. Terms that arise from households
/// together are attributed as follows, and documented for the coordinator: a language group's or a district's
/// families' change in value (<see cref="GroupValue"/>) and a district's change in spread are split equally among
/// the households the plan places in that group or district; a shared room's empty beds among its occupants
/// (<see cref="ShareSplitter"/>). The sum over all suggestions is the objective, exactly as the solver sees it.
/// </summary>
internal static class ObjectiveBreakdown
{
    public static IReadOnlyList<Suggestion> Explain(PlacementIndex index, IReadOnlyDictionary<string, string> assignment)
    {
        var placed = index.Request.Households
            .Where(h => assignment.TryGetValue(h.Id, out var unitId) && index.Units.ContainsKey(unitId))
            .Select(h => (Household: h, Unit: index.Units[assignment[h.Id]]))
            .ToList();
        var terms = placed.ToDictionary(p => p.Household.Id, p => PairTerms(index, p.Household, p.Unit), StringComparer.Ordinal);
        var w = index.Weights;

        foreach (var group in placed.Where(p => PlacementIndex.IsKnownLanguage(p.Household.Language))
                     .GroupBy(p => PlacementIndex.LanguageGroup(p.Unit.District, p.Household.Language), StringComparer.Ordinal))
        {
            var existing = index.ExistingInLanguageGroup(group.Key);
            var members = group.ToList();
            var first = members[0];
            AddShares(terms, members, GroupValue.LanguageChange(w, existing, members.Count), points =>
                DanishTerms.Language(first.Household.Language, first.Unit.District, existing + members.Count, points));
        }

        foreach (var district in placed.Where(p => p.Household.IsFamilyWithChildren).GroupBy(p => p.Unit.District, StringComparer.Ordinal))
        {
            var existing = index.ExistingFamiliesInDistrict(district.Key);
            var members = district.ToList();
            AddShares(terms, members, GroupValue.FamilyChange(w, existing, members.Count), points =>
                DanishTerms.Families(district.Key, existing + members.Count, points));
        }

        if (index.DistrictTargets is { } targets)
        {
            foreach (var district in placed.GroupBy(p => p.Unit.District, StringComparer.Ordinal))
            {
                var existing = index.ExistingInDistrict(district.Key);
                var target = targets.GetValueOrDefault(district.Key);
                var members = district.ToList();
                AddShares(terms, members, GroupValue.SpreadChange(w, existing, members.Count, target), points =>
                    DanishTerms.Spread(district.Key, existing + members.Count, target, points));
            }
        }

        foreach (var room in placed.Where(p => p.Unit.IsSharedRoom).GroupBy(p => p.Unit.Id, StringComparer.Ordinal))
        {
            var members = room.ToList();
            var beds = members[0].Unit.Beds;
            AddShares(terms, members, GroupValue.SharedRoomWaste(w, beds, members.Count), points =>
                DanishTerms.SharedRoomBeds(Math.Max(0, beds - members.Count), points));
        }

        return placed.Select(p => new Suggestion(p.Household.Id, p.Unit.Id, terms[p.Household.Id])).ToList();
    }

    public static List<ExplanationTerm> PairTerms(PlacementIndex index, PlacementHousehold household, PlacementUnit unit)
    {
        var score = PairScore.Of(index, household, unit);
        var terms = new List<ExplanationTerm> { DanishTerms.Housed(score.Housed) };
        AddIfAny(terms, score.Waited, points => DanishTerms.Waited(household.DaysWaited, points));
        AddIfAny(terms, score.PermanentForFamily, DanishTerms.PermanentForFamily);
        AddIfAny(terms, score.School, points => DanishTerms.School(unit.SchoolMetres, points));
        AddIfAny(terms, score.Daycare, points => DanishTerms.Daycare(unit.DaycareMetres, points));
        AddIfAny(terms, score.Transport, points => DanishTerms.Transport(unit.TransportMetres, points));
        AddIfAny(terms, score.Shops, points => DanishTerms.Shops(unit.ShopsMetres, points));
        AddIfAny(terms, score.WastedBeds, points => DanishTerms.WastedBeds(unit.Beds - household.BedsNeededIn(unit), points));
        AddIfAny(terms, score.KeepPrevious, DanishTerms.KeepPrevious);
        return terms;
    }

    private static void AddShares(
        Dictionary<string, List<ExplanationTerm>> terms,
        List<(PlacementHousehold Household, PlacementUnit Unit)> members,
        long total,
        Func<long, ExplanationTerm> term)
    {
        var ordered = members.OrderBy(m => m.Household.Id, StringComparer.Ordinal).ToList();
        var shares = ShareSplitter.Split(total, ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            AddIfAny(terms[ordered[i].Household.Id], shares[i], term);
        }
    }

    private static void AddIfAny(List<ExplanationTerm> terms, long points, Func<long, ExplanationTerm> term)
    {
        if (points != 0)
        {
            terms.Add(term(points));
        }
    }
}
