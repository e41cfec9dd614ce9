namespace Indgang.Domain.Housing;

/// <summary>A place with housing units: a municipal building, a pavilion, shared housing, a private lease, an association's units.</summary>
public sealed class HousingSite
{
    public HousingSite(string name, SiteKind kind, Guid townId, string? address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Kind = kind;
        TownId = townId;
        Address = address?.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; set; }
    public SiteKind Kind { get; set; }

    /// <summary>The town/district the site lies in (for spreading across the municipality).</summary>
    public Guid TownId { get; set; }
    public string? Address { get; set; }
}
