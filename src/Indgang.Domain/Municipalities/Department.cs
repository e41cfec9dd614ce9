namespace Indgang.Domain.Municipalities;

/// <summary>A department (forvaltningsområde/center) that receives tasks, e.g. "Sekretariatet".</summary>
public sealed class Department
{
    internal Department(Guid municipalityId, string name, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        MunicipalityId = municipalityId;
        Name = name.Trim();
        Code = code.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MunicipalityId { get; private set; }
    public string Name { get; private set; }

    /// <summary>A short stable code used in configuration and the responsibility matrix.</summary>
    public string Code { get; private set; }

    /// <summary>A new name (the department is reorganised or was mistyped); its <see cref="Code"/> stays.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}
