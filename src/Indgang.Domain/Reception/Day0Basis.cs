namespace Indgang.Domain.Reception;

/// <summary>What a day 0 was computed from. Stable numbers: they are stored.</summary>
public enum Day0Basis
{
    VisitationRule = 1,
    CprRegistration = 2,

    /// <summary>The CPR registration is not known yet; the expected arrival stands in for it.</summary>
    ExpectedArrivalEstimate = 3,
}
