namespace Indgang.Domain.Deadlines;

/// <summary>
/// The deadline rules in force over a period (EffectiveFrom and EffectiveTo both inclusive; EffectiveTo
/// null while in force). A person is judged by the rule set in force on their day 0.
/// </summary>
public sealed class DeadlineRuleSet
{
    public DeadlineRuleSet(string name, DateOnly effectiveFrom, DateOnly? effectiveTo, IReadOnlyList<DeadlineRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rules);
        if (effectiveTo is { } to && to < effectiveFrom)
        {
            throw new ArgumentException($"Rule set '{name}' ends before it starts.", nameof(effectiveTo));
        }

        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            ArgumentException.ThrowIfNullOrWhiteSpace(rule.LegalReference, nameof(rules));
        }

        var duplicate = rules.GroupBy(rule => rule.Kind).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule set '{name}' has more than one rule for {duplicate.Key}.", nameof(rules));
        }

        Name = name;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Rules = [.. rules];
    }

    public string Name { get; }
    public DateOnly EffectiveFrom { get; }
    public DateOnly? EffectiveTo { get; }
    public IReadOnlyList<DeadlineRule> Rules { get; }

    public bool IsInForceOn(DateOnly date) => EffectiveDates.Cover(EffectiveFrom, EffectiveTo, date);

    public DeadlineRule? RuleFor(DeadlineKind kind) => Rules.FirstOrDefault(rule => rule.Kind == kind);

    public override string ToString() => Name;
}
