namespace Indgang.Domain.Reception;

/// <summary>Why the person is received. Stable numbers: they are stored.</summary>
public enum ResidenceBasis
{
    /// <summary>Visiteret by Udlændingestyrelsen to the municipality.</summary>
    VisitedRefugee = 1,

    /// <summary>Kvoteflygtning (udlændingeloven § 8).</summary>
    QuotaRefugee = 2,

    FamilyReunified = 3,

    /// <summary>Uledsaget mindreårig; visited like a refugee, so day 0 follows the visitation rule.</summary>
    UnaccompaniedMinor = 4,
}
