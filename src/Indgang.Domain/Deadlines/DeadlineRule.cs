namespace Indgang.Domain.Deadlines;

/// <param name="Kind">Which deadline.</param>
/// <param name="Period">The legal latest, counted from the anchor.</param>
/// <param name="Anchor">What the period is counted from.</param>
/// <param name="Audience">Who the deadline applies to.</param>
/// <param name="LegalReference">Where the rule comes from, shown to the user.</param>
/// <param name="Target">A national target earlier than the legal latest (2 weeks for the first company offer).</param>
/// <param name="SubjectAudience">
/// Who the rule's subject applies to beyond <paramref name="Audience"/>: whom the municipality may set its own target for
/// although the law sets them no deadline (the health assessment is offered to all refugees and family-reunified persons,
/// but a legal deadline only for quota refugees). None: the same as <paramref name="Audience"/>.
/// </param>
public sealed record DeadlineRule(
    DeadlineKind Kind,
    Period Period,
    DeadlineAnchor Anchor,
    DeadlineAudience Audience,
    string LegalReference,
    Period? Target = null,
    DeadlineAudience? SubjectAudience = null);
