namespace Indgang.Domain.Municipalities;

/// <summary>The municipality this installation serves: its name, towns/districts and departments.</summary>
public sealed class Municipality
{
    private readonly List<Town> _towns = [];
    private readonly List<Department> _departments = [];

    public Municipality(string name, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Name = name.Trim();
        Code = code.Trim();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; }

    /// <summary>The official municipality number (e.g. "201" for Allerød).</summary>
    public string Code { get; private set; }

    public IReadOnlyList<Town> Towns => _towns;
    public IReadOnlyList<Department> Departments => _departments;

    public Town AddTown(string name, int population = 0)
    {
        var town = new Town(Id, name) { Population = population };
        _towns.Add(town);
        return town;
    }

    public Department AddDepartment(string name, string code)
    {
        if (_departments.Exists(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A department with code '{code}' already exists.");
        }

        var department = new Department(Id, name, code);
        _departments.Add(department);
        return department;
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    /// <summary>Corrects the municipality number (a new installation's administrator may have mistyped it).</summary>
    public void Renumber(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code.Trim();
    }
}
