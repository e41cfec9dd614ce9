namespace Indgang.Placement;

/// <summary>One reason behind a suggestion, in Danish for the housing coordinator, with its points.</summary>
public sealed record ExplanationTerm(string Code, string DanishText, long Points);
