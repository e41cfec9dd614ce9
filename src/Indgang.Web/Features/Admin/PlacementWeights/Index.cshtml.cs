using System.Reflection;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing.Placement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Admin.PlacementWeights;

/// <summary>The placement optimizer's weights (HOUSE-3) as data: every save is a new, audited version.</summary>
public sealed class IndexModel(IndgangDbContext db, PlacementWeightsStore store, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public static readonly PropertyInfo[] Properties = typeof(Indgang.Placement.PlacementWeights)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(int) && p.CanRead)
        .ToArray();

    [BindProperty]
    public Dictionary<string, int?> Values { get; set; } = [];

    public IReadOnlyList<PlacementWeightsVersion> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var current = await store.CurrentAsync();
        Values = Properties.ToDictionary(p => p.Name, p => (int?)(int)p.GetValue(current)!);
        await LoadHistoryAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var property in Properties)
        {
            if (Values.GetValueOrDefault(property.Name) is not (>= 0 and <= 100_000))
            {
                ModelState.AddModelError($"Values[{property.Name}]", T["»{0}« skal være et helt tal fra 0 til 100.000.", T[Label(property.Name)]].Value);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadHistoryAsync();
            return Page();
        }

        var weights = JsonSerializer.Serialize(Properties.ToDictionary(p => p.Name, p => Values[p.Name]!.Value));
        _ = JsonSerializer.Deserialize<Indgang.Placement.PlacementWeights>(weights) ?? throw new InvalidOperationException("Weights did not round-trip.");
        db.PlacementWeights.Add(new PlacementWeightsVersion(weights, User.Identity!.Name!, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.PlacementWeightsChanged, null, "Boligplacering: vægte", weights);
        return RedirectToPage();
    }

    private async Task LoadHistoryAsync() =>
        History = await db.PlacementWeights.AsNoTracking().OrderByDescending(w => w.ChangedAt).Take(20).ToListAsync();

    /// <summary>Danish labels; a weight without one shows its code name.</summary>
    public static string Label(string name) => name switch
    {
        "Housed" => "Point for at få en bolig",
        "PerDayWaited" => "Point pr. ventedag",
        "MaxDaysWaitedCounted" => "Højst ventedage, der tæller",
        "SchoolProximity" => "Nærhed til skole (familier)",
        "SchoolRadiusMetres" => "Skole: radius i meter",
        "DaycareProximity" => "Nærhed til dagtilbud (familier)",
        "DaycareRadiusMetres" => "Dagtilbud: radius i meter",
        "TransportProximity" => "Nærhed til offentlig transport",
        "TransportRadiusMetres" => "Transport: radius i meter",
        "ShopsProximity" => "Nærhed til indkøb",
        "ShopsRadiusMetres" => "Indkøb: radius i meter",
        "PermanentForFamily" => "Permanent bolig til familier",
        "AloneWithLanguage" => "Straf: alene med sit sprog i distriktet",
        "TogetherWithLanguage" => "Bonus: sammen med landsmænd",
        "LanguageGroupCap" => "Højst antal landsmænd, der giver bonus",
        "AloneAsFamily" => "Straf: eneste børnefamilie i distriktet",
        "FamiliesTogether" => "Bonus: børnefamilier i samme område",
        "FamilyGroupCap" => "Højst antal familier, der giver bonus",
        "SpreadPerHousehold" => "Spredning efter distrikternes størrelse",
        "SpreadIncreasePerHousehold" => "Spredning: tillæg pr. husstand længere fra målet",
        "SpreadMaxPerHousehold" => "Spredning: højst pr. husstand",
        "WastedBed" => "Straf pr. tom seng",
        "KeepPrevious" => "Stabilitet: behold forrige forslag",
        _ => name,
    };
}
