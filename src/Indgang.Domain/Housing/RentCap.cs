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

    /// <summary>A single adult with or without children counts as single; two adults as a couple.</summary>
    public static RentCapCategory CategoryOf(int adults, int children) => (adults, children) switch
    {
        (<= 1, _) => RentCapCategory.SingleAdult,
        (_, 0) => RentCapCategory.CoupleWithoutChildren,
        (_, <= 3) => RentCapCategory.CoupleWithOneToThreeChildren,
        _ => RentCapCategory.CoupleWithFourOrMoreChildren,
    };

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
    public static decimal? For(IEnumerable<RentCap> caps, int year, int adults, int children)
    {
        var category = RentCap.CategoryOf(adults, children);
        return caps.Where(c => c.Category == category && c.Year <= year).OrderByDescending(c => c.Year).FirstOrDefault()?.MonthlyCap;
    }
}
