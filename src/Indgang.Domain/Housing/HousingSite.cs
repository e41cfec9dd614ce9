using System.Diagnostics.CodeAnalysis;

namespace Indgang.Domain.Housing;

/// <summary>
/// A place with housing units: a municipal building, a pavilion, shared housing, a private lease, an association's
/// units. The concurrency token <see cref="Version"/> changes on every edit, so two people editing the same site
/// cannot overwrite each other unseen.
/// </summary>
public sealed class HousingSite
{
    public HousingSite(string name, SiteKind kind, Guid townId, string? address)
    {
        Set(name, kind, townId, address);
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; }
    public SiteKind Kind { get; private set; }

    /// <summary>The town/district the site lies in (for spreading across the municipality).</summary>
    public Guid TownId { get; private set; }
    public string? Address { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The site's facts were corrected: anyone who read it before must read it again (optimistic concurrency).</summary>
    public void Edit(string name, SiteKind kind, Guid townId, string? address)
    {
        Set(name, kind, townId, address);
        Version = Guid.NewGuid();
    }

    [MemberNotNull(nameof(Name))]
    private void Set(string name, SiteKind kind, Guid townId, string? address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of site.");
        }

        if (townId == Guid.Empty)
        {
            throw new ArgumentException("A site lies in a town.", nameof(townId));
        }

        Name = name.Trim();
        Kind = kind;
        TownId = townId;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
    }
}
