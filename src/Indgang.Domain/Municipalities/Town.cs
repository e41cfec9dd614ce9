namespace Indgang.Domain.Municipalities;

/// <summary>A town or district of the municipality (Allerød: Lillerød, Blovstrød, Lynge, Engholm).</summary>
public sealed class Town
{
    internal Town(Guid municipalityId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        MunicipalityId = municipalityId;
        Name = name.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MunicipalityId { get; private set; }
    public string Name { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    /// <summary>Inhabitants, so that placements can be spread in proportion to the towns' sizes.</summary>
    public int Population { get; set; }
}
