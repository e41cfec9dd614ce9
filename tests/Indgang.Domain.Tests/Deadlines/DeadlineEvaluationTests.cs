using System.Globalization;
using Indgang.Domain.Deadlines;

namespace Indgang.Domain.Tests.Deadlines;

public class DeadlineEvaluationTests
{
    private const string Due = "2025-08-01";

    [Theory]
    [InlineData("2025-07-20", "2025-07-20", DeadlineStatus.Met)]
    [InlineData("2025-08-01", "2025-08-01", DeadlineStatus.Met)] // on the due date
    [InlineData("2025-08-01", "2025-09-15", DeadlineStatus.Met)] // stays met when looked at later
    [InlineData("2025-08-02", "2025-08-02", DeadlineStatus.MetLate)] // one day late
    [InlineData("2025-09-15", "2025-09-15", DeadlineStatus.MetLate)]
    public void Evaluate_Completed_MetOrMetLate(string completedOn, string today, DeadlineStatus expected)
    {
        Assert.Equal(expected, DeadlineEvaluation.Evaluate(Day(Due), Day(today), Day(completedOn)));
    }

    [Theory]
    [InlineData("2025-07-01", DeadlineStatus.Open)]
    [InlineData("2025-07-17", DeadlineStatus.Open)] // 15 days left
    [InlineData("2025-07-18", DeadlineStatus.DueSoon)] // 14 days left
    [InlineData("2025-07-31", DeadlineStatus.DueSoon)]
    [InlineData("2025-08-01", DeadlineStatus.DueSoon)] // the due date itself
    [InlineData("2025-08-02", DeadlineStatus.Overdue)] // the day after
    [InlineData("2026-01-01", DeadlineStatus.Overdue)]
    public void Evaluate_NotCompleted_ByDaysLeft(string today, DeadlineStatus expected)
    {
        Assert.Equal(expected, DeadlineEvaluation.Evaluate(Day(Due), Day(today), null));
    }

    [Theory]
    [InlineData("2025-07-31", 0, DeadlineStatus.Open)]
    [InlineData("2025-08-01", 0, DeadlineStatus.DueSoon)]
    [InlineData("2025-07-25", 7, DeadlineStatus.DueSoon)]
    [InlineData("2025-07-24", 7, DeadlineStatus.Open)]
    public void Evaluate_OwnDueSoonWindow_Respected(string today, int dueSoonDays, DeadlineStatus expected)
    {
        Assert.Equal(expected, DeadlineEvaluation.Evaluate(Day(Due), Day(today), null, dueSoonDays));
    }

    [Fact]
    public void Evaluate_LegalDateAndLocalTarget_EvaluatedSeparately()
    {
        var completed = Day("2025-11-15");

        Assert.Equal(DeadlineStatus.MetLate, DeadlineEvaluation.Evaluate(Day("2025-10-01"), completed, completed));
        Assert.Equal(DeadlineStatus.Met, DeadlineEvaluation.Evaluate(Day("2026-01-01"), completed, completed));
    }

    [Fact]
    public void Evaluate_NegativeDueSoonWindow_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineEvaluation.Evaluate(Day(Due), Day(Due), null, -1));
    }

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
