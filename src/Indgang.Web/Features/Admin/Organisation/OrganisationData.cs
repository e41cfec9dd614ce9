using Indgang.Domain.Municipalities;
using Indgang.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Organisation;

/// <summary>What the organisation pages share: the installation's municipality, read to change it, and their messages.</summary>
internal static class OrganisationData
{
    /// <summary>Shown where a department or town is to be created before the municipality is.</summary>
    public const string NoMunicipality = "Opret først kommunen. Afdelinger og byer hører til den.";

    /// <summary>
    /// Shown when a save was refused as another's saved at the same moment, yet what is saved now takes neither the name
    /// nor the code (a deadlock the other won, or a name that only the database's index counts as the same).
    /// </summary>
    public const string SavedAtSameMoment = "Intet er gemt, fordi en anden gemte på samme tid. Prøv at gemme igen.";

    /// <summary>
    /// The municipality this installation serves, tracked, with its departments and towns (the aggregate adds them), or
    /// null before one is set up; the first registered (by key), as <see cref="MunicipalityQueries.MunicipalityNameAsync"/>.
    /// </summary>
    public static Task<Municipality?> MunicipalityAsync(IndgangDbContext db) =>
        db.Municipalities.Include(m => m.Departments).Include(m => m.Towns).OrderBy(m => m.Id).FirstOrDefaultAsync();

    /// <summary>
    /// Whether <paramref name="name"/> is taken by another than <paramref name="except"/>, without regard to case:
    /// compared here, as SQLite lower-cases only A–Z (the few names are read).
    /// </summary>
    public static bool Taken(IEnumerable<(Guid Id, string Name)> existing, string name, Guid? except) =>
        existing.Any(e => e.Id != except && string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Checks a name typed for the municipality, a department or a town, each refusal beside the field
    /// (<paramref name="field"/>): none (<paramref name="missing"/>), longer than its column holds, or one another already
    /// has (<paramref name="taken"/>: the others, the one renamed, and what to say). Nothing is said of a name the field
    /// refused already (a control character, <see cref="Platform.ControlCharacterValidatorProvider"/>).
    /// </summary>
    public static void CheckName(
        ModelStateDictionary modelState, string field, string? name, string missing, int longest,
        (IEnumerable<(Guid Id, string Name)> Others, Guid? Except, string Refusal)? taken = null)
    {
        if (modelState.GetFieldValidationState(field) == ModelValidationState.Invalid)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            modelState.AddModelError(field, missing);
        }
        else if (name.Trim().Length > longest)
        {
            modelState.AddModelError(field, "Navnet må højst være 200 tegn.");
        }
        else if (taken is { } others && Taken(others.Others, name, others.Except))
        {
            modelState.AddModelError(field, others.Refusal);
        }
    }
}
