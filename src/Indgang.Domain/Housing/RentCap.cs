namespace Indgang.Domain.Housing;

/// <summary>The household categories of the yearly rent-cap order for temporary housing.</summary>
public enum RentCapCategory
{
    SingleAdult = 1,
    CoupleWithoutChildren = 2,
    CoupleWithOneToThreeChildren = 3,
    CoupleWithFourOrMoreChildren = 4,
}

/// <summary>A yearly maximum monthly rent for temporary housing per household category (HOUSE-6), as data.</summary>
public sealed class RentCap
{
    public RentCap(int year, RentCapCategory category, decimal monthlyCap)
    {
        Year = year;
        Category = category;
        MonthlyCap = monthlyCap;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Year { get; private set; }
    public RentCapCategory Category { get; private set; }
    public decimal MonthlyCap { get; set; }

    /// <summary>
    /// The order's category: a couple (spouses or partners) by its children under 18; anyone else as single, with or
    /// without children (domain-rules.md). Adults in a household do not make a couple by being two: a single mother with
    /// a son of 19, or two adult brothers, are not one.
    /// </summary>
    public static RentCapCategory CategoryOf(bool couple, int children) => (couple, children) switch
    {
        (false, _) => RentCapCategory.SingleAdult,
        (true, 0) => RentCapCategory.CoupleWithoutChildren,
        (true, <= 3) => RentCapCategory.CoupleWithOneToThreeChildren,
        _ => RentCapCategory.CoupleWithFourOrMoreChildren,
    };

    /// <summary>
    /// The category of <paramref name="household"/> on <paramref name="day"/> (the day it moves in; for a placement, the day it would move in by the plan):
    /// a couple when two of its members are spouses (<see cref="People.RelationKind.Spouse"/>), its children the others
    /// under 18 that day (a spouse of 17 is one of the couple, not its child).
    /// </summary>
    public static RentCapCategory CategoryOf(People.Household household, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(household);
        var spouses = household.Relations.Where(r => r.Kind == People.RelationKind.Spouse).SelectMany(r => new[] { r.FromPersonId, r.ToPersonId }).ToHashSet();
        return CategoryOf(
            spouses.Count > 0,
            household.Members.Count(m => !spouses.Contains(m.Id) && People.Age.On(m.BirthDate, day) < People.Age.AgeOfMajority));
    }

    /// <summary>The 2023 caps from the yearly order (domain-rules.md); later years are added as data.</summary>
    public static IEnumerable<RentCap> Seed2023() =>
    [
        new(2023, RentCapCategory.SingleAdult, 2467m),
        new(2023, RentCapCategory.CoupleWithoutChildren, 4520m),
        new(2023, RentCapCategory.CoupleWithOneToThreeChildren, 4932m),
        new(2023, RentCapCategory.CoupleWithFourOrMoreChildren, 5343m),
    ];
}

public static class RentCaps
{
    /// <summary>The cap in force in a year: that year's order, or the latest earlier one while a new order is not yet entered.</summary>
    public static decimal? For(IEnumerable<RentCap> caps, int year, RentCapCategory category) =>
        caps.Where(c => c.Category == category && c.Year <= year).OrderByDescending(c => c.Year).FirstOrDefault()?.MonthlyCap;
}
