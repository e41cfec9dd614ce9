using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Audit;
using Indgang.Domain.Municipalities;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Admin.Organisation;

/// <summary>
/// Creates a town or district of the municipality, or corrects one's name or population. Housing sites lie in a town,
/// and the placement spreads households over the towns in proportion to their population (all 0: evenly). Two towns
/// never share a name, without regard to case: checked here first, and held by the database's unique index when two save
/// at the same moment (the one refused is told so beside the name). What another saved since the form was opened is
/// shown beside the fields, and Gem saves over it (<see cref="Version"/>). Every change is audited.
/// </summary>
public sealed class TownModel(IndgangDbContext db, AuditLog audit) : PageModel
{
    /// <summary>The most inhabitants a town can be given: more than any Danish municipality has.</summary>
    public const int MaxPopulation = 1_000_000;

    public const string NameTaken = "Der findes allerede en by med det navn. Giv byen et andet navn.";

    public const string SavedByOtherMessage =
        "Byen er ændret af en anden, mens du rettede den. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem byen« igen for at gemme dine værdier i stedet.";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "indbyggertallet", Prompt = "12.000")]
    public int? Population { get; set; }

    /// <summary>The version of the town the form showed (<see cref="ShownVersion"/>), when correcting one.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>The town corrected, or null when one is created.</summary>
    public Guid? Id { get; private set; }

    /// <summary>False before the municipality is created: a town cannot be created yet.</summary>
    public bool HasMunicipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var municipality = await OrganisationData.MunicipalityAsync(db);
        HasMunicipality = municipality is not null;
        if (id is not null)
        {
            if (municipality?.Towns.FirstOrDefault(t => t.Id == id) is not { } town)
            {
                return NotFound();
            }

            (Id, Name, Population, Version) = (town.Id, town.Name, town.Population, Shown(town));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var municipality = await OrganisationData.MunicipalityAsync(db);
        HasMunicipality = municipality is not null;
        if (municipality is null)
        {
            if (id is not null)
            {
                return NotFound();
            }

            ModelState.AddModelError("", OrganisationData.NoMunicipality);
            return Page();
        }

        var town = id is null ? null : municipality.Towns.FirstOrDefault(t => t.Id == id);
        if (id is not null && town is null)
        {
            return NotFound();
        }

        Id = town?.Id;
        Validate(municipality.Towns, town);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (name, population) = (Name!.Trim(), Population!.Value);
        if (town is null)
        {
            municipality.AddTown(name, population);
            if (!await db.SaveUnlessSavedByOtherAsync())
            {
                return await ShowTakenByOtherAsync(null);
            }

            await audit.RecordAsync(AuditAction.OrganisationChanged, null, AuditPurpose.Organisation, $"By oprettet: {name} ({population} indbyggere)");
            return RedirectToPage("Index", new { saved = "by" });
        }

        if (Shown(town) != Version)
        {
            if (town.Name == name && town.Population == population)
            {
                return RedirectToPage("Index", new { saved = "by" });
            }

            Version = this.ShowSavedByOther(nameof(Version), Shown(town), SavedByOtherMessage, values =>
            {
                values.Field(nameof(Name), Name, town.Name);
                values.Field(nameof(Population), Population, town.Population);
            });
            return Page();
        }

        var before = $"{town.Name} ({town.Population} indbyggere)";
        town.Rename(name);
        town.Population = population;
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            return await ShowTakenByOtherAsync(town.Id);
        }

        await audit.RecordAsync(AuditAction.OrganisationChanged, null, AuditPurpose.Organisation, $"By: {before} → {name} ({population} indbyggere)");
        return RedirectToPage("Index", new { saved = "by" });
    }

    /// <summary>
    /// Another saved a town with this name at the same moment (its unique index): the form is checked again against what
    /// is saved now, to say so beside the name, as had the other saved first.
    /// </summary>
    private async Task<IActionResult> ShowTakenByOtherAsync(Guid? corrected)
    {
        db.ChangeTracker.Clear();
        var towns = await db.Towns.AsNoTracking().ToListAsync();
        Validate(towns, towns.Find(t => t.Id == corrected));
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", OrganisationData.SavedAtSameMoment);
        }

        return Page();
    }

    private void Validate(IReadOnlyList<Town> towns, Town? corrected)
    {
        OrganisationData.CheckName(ModelState, nameof(Name), Name, "Angiv byens navn.", TownConfiguration.NameLength,
            (towns.Select(t => (t.Id, t.Name)), corrected?.Id, NameTaken));

        if (ModelState.GetFieldValidationState(nameof(Population)) != ModelValidationState.Invalid
            && Population is not (>= 0 and <= MaxPopulation))
        {
            ModelState.AddModelError(nameof(Population), "Angiv indbyggertallet som et helt tal fra 0 til 1.000.000.");
        }

        ModelState.Remove(nameof(Version));
    }

    /// <summary>The version of a town as the form shows it.</summary>
    private static Guid Shown(Town town) => ShownVersion.Of(new { town.Name, town.Population });
}
