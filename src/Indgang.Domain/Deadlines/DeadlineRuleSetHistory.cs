namespace Indgang.Domain.Deadlines;

/// <summary>Rule sets over time. Gaps are allowed (no rules known); overlaps are not, as they would make a person's rules ambiguous.</summary>
public sealed class DeadlineRuleSetHistory
{
    public DeadlineRuleSetHistory(IEnumerable<DeadlineRuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        RuleSets = [.. ruleSets.OrderBy(set => set.EffectiveFrom)];
        for (var i = 1; i < RuleSets.Count; i++)
        {
            var earlier = RuleSets[i - 1];
            var later = RuleSets[i];
            if (earlier.EffectiveTo is not { } end || end >= later.EffectiveFrom)
            {
                throw new ArgumentException($"Rule sets '{earlier.Name}' and '{later.Name}' overlap.", nameof(ruleSets));
            }
        }
    }

    public IReadOnlyList<DeadlineRuleSet> RuleSets { get; }

    /// <summary>The rule set a person with this day 0 is judged by; null if none was in force.</summary>
    public DeadlineRuleSet? InForceOn(DateOnly day0) => RuleSets.FirstOrDefault(set => set.IsInForceOn(day0));
}
