using Indgang.Domain.Housing;
using Indgang.Web.Data;
using Indgang.Web.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Housing.Sites;

/// <summary>The fields of a housing site, shared by create and edit.</summary>
public sealed class SiteInput
{
    public const string NameTaken = "Der findes allerede et boligsted med det navn. Giv stedet et andet navn.";

    public string? Name { get; set; }
    public SiteKind? Kind { get; set; }
    public Guid? TownId { get; set; }
    public string? Address { get; set; }

    public static IEnumerable<SelectListItem> KindItems =>
        [new("Vælg", ""), .. Enum.GetValues<SiteKind>().Select(k => new SelectListItem(IndexModel.KindText(k), k.ToString()))];

    public static async Task<List<SelectListItem>> TownItemsAsync(IndgangDbContext db) =>
        [new("Vælg", ""), .. (await db.Towns.AsNoTracking().OrderBy(t => t.Name).ToListAsync()).Select(t => new SelectListItem(t.Name, t.Id.ToString()))];

    /// <summary>Field errors keyed by property name; empty when the input describes a site.</summary>
    /// <param name="townIds">The towns a site may lie in.</param>
    /// <param name="otherNames">The names of the other sites (not the one edited).</param>
    public Dictionary<string, string> Validate(IReadOnlyCollection<Guid> townIds, IEnumerable<string> otherNames)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = "Angiv stedets navn.";
        }
        else if (Name.Trim().Length > HousingSiteConfiguration.NameLength)
        {
            errors[nameof(Name)] = "Navnet må højst være 200 tegn.";
        }
        else if (otherNames.Contains(Name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            // Sites are named in the unit import (CSV), where case does not count: two names that differ only in case
            // would make the file's rows ambiguous.
            errors[nameof(Name)] = NameTaken;
        }

        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(Kind)] = "Vælg hvilken slags sted det er.";
        }

        if (TownId is not { } town || !townIds.Contains(town))
        {
            errors[nameof(TownId)] = "Vælg en by fra listen.";
        }

        if (Address?.Trim().Length > HousingSiteConfiguration.AddressLength)
        {
            errors[nameof(Address)] = "Adressen må højst være 300 tegn.";
        }

        return errors;
    }

    /// <summary>
    /// Checks the input against the database and puts each mistake beside its field (prefix "Input."), unless model
    /// binding already refused what was typed there. The few site names are compared here, as SQLite lower-cases only
    /// ASCII letters. True when the input describes a site.
    /// </summary>
    public async Task<bool> IsValidAsync(IndgangDbContext db, ModelStateDictionary modelState, Guid? editedSite = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        var towns = await db.Towns.AsNoTracking().Select(t => t.Id).ToListAsync();
        var otherNames = await db.HousingSites.AsNoTracking().Where(s => s.Id != editedSite).Select(s => s.Name).ToListAsync();
        foreach (var (field, message) in Validate(towns, otherNames))
        {
            if (modelState.GetFieldValidationState($"Input.{field}") != ModelValidationState.Invalid)
            {
                modelState.AddModelError($"Input.{field}", message);
            }
        }

        return modelState.IsValid;
    }

    /// <summary>
    /// Saves the site; false, with the name refused beside its field, when another saved a site of that name (in any
    /// case) between the check and this save: the database's unique index refuses it then.
    /// </summary>
    public static async Task<bool> SaveUnlessNameTakenAsync(IndgangDbContext db, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(modelState);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException && UniqueViolation.Is(exception))
        {
            modelState.AddModelError($"Input.{nameof(Name)}", NameTaken);
            return false;
        }
    }

    public HousingSite ToSite() => new(Name!, Kind!.Value, TownId!.Value, Address);

    public void ApplyTo(HousingSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        site.Edit(Name!, Kind!.Value, TownId!.Value, Address);
    }

    public static SiteInput From(HousingSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new() { Name = site.Name, Kind = site.Kind, TownId = site.TownId, Address = site.Address };
    }
}
