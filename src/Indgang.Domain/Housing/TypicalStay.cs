namespace Indgang.Domain.Housing;

/// <summary>One stay in temporary housing: its days so far, and whether it has ended (else it is still going on).</summary>
public readonly record struct StayLength(int Days, bool Ended);

/// <summary>
/// How long stays in temporary housing last, learnt from the stays so far (HOUSE-4's expected move-outs). A stay still
/// going on counts as "at least this long" (the Kaplan–Meier estimator): counting only the stays that have ended would
/// learn from the short ones alone, and the seed's experience is that people stay long (001: the rent is low and
/// regulated, so moving on takes persuading).
/// <para>The survival S(t) is the share of stays still going on after t days. The typical stay is the first day on
/// which S falls to one half or below. A stay that has lasted a days so far is expected to end on the first day on
/// which S falls to half of S(a) or below (the median of the stays that lasted as long); when no stay so long has
/// ended yet, nothing is known, and no end is expected (the forecast keeps its beds taken rather than guess them
/// free).</para>
/// </summary>
public sealed class TypicalStay
{
    // (day, S after that day), one per day on which stays ended, in day order.
    private readonly (int Day, double Survival)[] steps;

    private TypicalStay((int Day, double Survival)[] steps) => this.steps = steps;

    /// <summary>The typical stay in days, or null while fewer than half of the stays are known to have ended.</summary>
    public int? MedianDays => EndAfter(day: -1, survived: 1);

    public static TypicalStay From(IEnumerable<StayLength> stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var all = stays.ToList();
        if (all.Any(s => s.Days < 0))
        {
            throw new ArgumentException("En opholdstid kan ikke være negativ.", nameof(stays));
        }

        var steps = new List<(int, double)>();
        var survival = 1.0;
        foreach (var day in all.Where(s => s.Ended).Select(s => s.Days).Distinct().Order())
        {
            // At risk on the day: every stay that lasted at least that long, ended or not.
            var atRisk = all.Count(s => s.Days >= day);
            var ended = all.Count(s => s.Ended && s.Days == day);
            survival *= 1 - ((double)ended / atRisk);
            steps.Add((day, survival));
        }

        return new TypicalStay([.. steps]);
    }

    /// <summary>
    /// The total length, in days, a stay that has lasted <paramref name="daysSoFar"/> days is expected to reach, or null
    /// when the stays so far do not tell.
    /// </summary>
    public int? ExpectedLengthGiven(int daysSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysSoFar);
        return EndAfter(daysSoFar, Survival(daysSoFar));
    }

    /// <summary>The first day after <paramref name="day"/> on which S falls to half of <paramref name="survived"/>.</summary>
    private int? EndAfter(int day, double survived)
    {
        if (survived <= 0)
        {
            return null;
        }

        // A little slack, so that S exactly one half (1 of 2 stays ended) is not missed by rounding.
        var half = (survived / 2) + 1e-12;
        foreach (var step in steps)
        {
            if (step.Day > day && step.Survival <= half)
            {
                return step.Day;
            }
        }

        return null;
    }

    private double Survival(int day)
    {
        var survival = 1.0;
        foreach (var step in steps)
        {
            if (step.Day > day)
            {
                break;
            }

            survival = step.Survival;
        }

        return survival;
    }
}
