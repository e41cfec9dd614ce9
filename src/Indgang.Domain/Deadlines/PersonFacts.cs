using Indgang.Domain.Reception;

namespace Indgang.Domain.Deadlines;

/// <param name="BirthDate">The person's birth date.</param>
/// <param name="Basis">The person's residence basis.</param>
/// <param name="Day0">The day the municipality took over responsibility.</param>
/// <param name="ProgrammeStart">The actual programme start, when it has happened.</param>
public sealed record PersonFacts(DateOnly BirthDate, ResidenceBasis Basis, DateOnly Day0, DateOnly? ProgrammeStart = null);
