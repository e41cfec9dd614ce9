using System.Text.RegularExpressions;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Admin.Organisation;

/// <summary>
/// The municipality this installation serves: created on a new installation, its name (in the page frame and on the
/// printed plan) and municipality number corrected later. A change saved by another since the form was opened, or a
/// municipality created by another while this blank form was filled in (also at the same moment as this one: the
/// database keeps one), is not overwritten unseen: it is shown beside the fields, and Gem saves over it
/// (<see cref="Version"/>). Every change is audited.
/// </summary>
public sealed partial class MunicipalityModel(IndgangDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The version of the municipality the form showed (<see cref="ShownVersion"/>); that of none for a blank form.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Whether a municipality is saved (the form corrects it) or not yet (the form creates it).</summary>
    public bool Exists { get; private set; }

    public const string SavedByOtherMessage =
        "Kommunen er ikke den samme, som da du åbnede formularen: en anden har gemt den, mens du skrev. Det, der er gemt nu, står ved de felter, hvor det er anderledes end det, du har skrevet. Tryk »Gem kommunen« igen for at gemme dine værdier i stedet.";

    public async Task OnGetAsync()
    {
        var municipality = await OrganisationData.MunicipalityAsync(db);
        Exists = municipality is not null;
        (Name, Code) = (municipality?.Name, municipality?.Code);
        Version = Shown(Name, Code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Validate();
        var municipality = await OrganisationData.MunicipalityAsync(db);
        Exists = municipality is not null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (name, code) = (Name!.Trim(), Code!.Trim());
        if (Shown(municipality?.Name, municipality?.Code) != Version)
        {
            if (municipality is not null && municipality.Name == name && municipality.Code == code)
            {
                return RedirectToPage("Index", new { saved = "kommune" });
            }

            Version = this.ShowSavedByOther(nameof(Version), Shown(municipality?.Name, municipality?.Code), SavedByOtherMessage, values =>
            {
                values.Field(nameof(Name), Name, municipality?.Name);
                values.Field(nameof(Code), Code, municipality?.Code);
            });
            return Page();
        }

        string details;
        if (municipality is null)
        {
            db.Municipalities.Add(new Domain.Municipalities.Municipality(name, code));
            details = $"Kommune oprettet: {code} {name}";
            if (!await db.SaveUnlessSavedByOtherAsync())
            {
                // Another created it at the same moment (the database keeps one): shown as one saved since the form was opened.
                db.ChangeTracker.Clear();
                return await ShowCreatedByOtherAsync();
            }
        }
        else
        {
            details = $"Kommune: {municipality.Code} {municipality.Name} → {code} {name}";
            municipality.Rename(name);
            municipality.Renumber(code);
            await db.SaveChangesAsync();
        }

        await audit.RecordAsync(AuditAction.OrganisationChanged, null, AuditPurpose.Organisation, details);
        return RedirectToPage("Index", new { saved = "kommune" });
    }

    private async Task<IActionResult> ShowCreatedByOtherAsync()
    {
        var saved = await OrganisationData.MunicipalityAsync(db);
        Exists = saved is not null;
        Version = this.ShowSavedByOther(nameof(Version), Shown(saved?.Name, saved?.Code), SavedByOtherMessage, values =>
        {
            values.Field(nameof(Name), Name, saved?.Name);
            values.Field(nameof(Code), Code, saved?.Code);
        });
        return Page();
    }

    private void Validate()
    {
        OrganisationData.CheckName(ModelState, nameof(Name), Name, "Angiv kommunens navn.", MunicipalityConfiguration.NameLength);

        if (string.IsNullOrWhiteSpace(Code) || !MunicipalityNumber().IsMatch(Code.Trim()))
        {
            ModelState.AddModelError(nameof(Code), "Angiv kommunenummeret med tre cifre, fx 201.");
        }

        ModelState.Remove(nameof(Version));
    }

    /// <summary>The version of the municipality as the form shows it (none: a blank form).</summary>
    private static Guid Shown(string? name, string? code) => ShownVersion.Of(new { Name = name, Code = code });

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex MunicipalityNumber();
}
