using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Housing.Placement;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Admin.PlacementWeights;

/// <summary>
/// The placement optimizer's weights (HOUSE-3) as data: every save is a new, audited version, made only from the version
/// the form was opened on. Of two administrators changing the weights at once, the second is shown the weights the first
/// changed beside their own values (<see cref="EditConflict"/>) instead of saving over them unseen.
/// </summary>
public sealed class IndexModel(IndgangDbContext db, PlacementWeightsStore store, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const string SavedByOther =
        "Vægtene er ændret af en anden, mens du rettede dem. Ved de vægte, som den anden har ændret, står den værdi, der er gemt nu. Intet er gemt. Tryk »Gem vægte« igen for at gemme dine værdier.";

    public static readonly PropertyInfo[] Properties = typeof(Indgang.Placement.PlacementWeights)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(int) && p.CanRead)
        .ToArray();

    /// <summary>
    /// The weights as typed, read by the page (<see cref="Read"/>) and not by model binding: a value that was no number had
    /// binding's message and the page's own in the summary, under two keys.
    /// </summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>The version the form was opened on (0: the defaults). Optimistic concurrency: the save is refused when another has been saved since.</summary>
    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<PlacementWeightsVersion> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var (version, current) = await store.CurrentVersionAsync();
        (Values, Version) = (Shown(ValuesOf(current)), version);
        await LoadHistoryAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Remove(nameof(Version));
        var typedValues = Read(Values);
        foreach (var property in Properties)
        {
            var value = typedValues[property.Name];
            if (value is not (>= 0 and <= 100_000))
            {
                ModelState.AddModelError($"Values[{property.Name}]", T["»{0}« skal være et helt tal fra 0 til 100.000.", T[Label(property.Name)]].Value);
            }
            else if (value == 0 && property.Name == nameof(Indgang.Placement.PlacementWeights.Housed))
            {
                // Every plan, also housing no one, would then score alike: the optimizer suggests no home at all.
                ModelState.AddModelError($"Values[{property.Name}]", T["»{0}« skal være mindst 1: med 0 foreslår optimeringen ingen husstand en bolig.", T[Label(property.Name)]].Value);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadHistoryAsync();
            return Page();
        }

        var typed = Properties.ToDictionary(p => p.Name, p => typedValues[p.Name]!.Value);
        var weights = JsonSerializer.Serialize(typed);
        _ = JsonSerializer.Deserialize<Indgang.Placement.PlacementWeights>(weights) ?? throw new InvalidOperationException("Weights did not round-trip.");
        if ((await store.CurrentVersionAsync()).Number != Version)
        {
            return await ShowSavedByOtherAsync();
        }

        db.PlacementWeights.Add(new PlacementWeightsVersion(Version + 1, weights, User.Identity!.Name!, clock.GetUtcNow()));
        // Another version saved from the same one at the same moment: the version number is taken.
        if (!await db.SaveUnlessSavedByOtherAsync())
        {
            db.ChangeTracker.Clear();
            return await ShowSavedByOtherAsync();
        }

        await audit.RecordAsync(AuditAction.PlacementWeightsChanged, null, AuditPurpose.PlacementWeights, $"v{Version + 1}: {weights}");
        return RedirectToPage();
    }

    /// <summary>
    /// Another version was saved since the form was opened: what it holds beside each weight it changed (the values typed
    /// here stay in the fields), and the form gets its number, so that pressing the button again saves these values over
    /// it. The same values as typed here (a double click, say) are simply saved.
    /// </summary>
    private async Task<IActionResult> ShowSavedByOtherAsync()
    {
        var (version, current) = await store.CurrentVersionAsync();
        var saved = ValuesOf(current);
        var typed = Read(Values);
        if (Properties.All(p => saved[p.Name] == typed[p.Name]))
        {
            return RedirectToPage();
        }

        var opened = await store.VersionAsync(Version) is { } weights ? ValuesOf(weights) : null;
        this.ShowSavedByOther(nameof(Version), SavedByOther, values =>
        {
            foreach (var property in Properties.Where(p => opened is null || opened[p.Name] != saved[p.Name]))
            {
                values.Field($"Values[{property.Name}]", typed[property.Name], saved[property.Name]);
            }
        });
        Version = version;
        await LoadHistoryAsync();
        return Page();
    }

    private static Dictionary<string, int?> ValuesOf(Indgang.Placement.PlacementWeights weights) =>
        Properties.ToDictionary(p => p.Name, p => (int?)(int)p.GetValue(weights)!);

    /// <summary>Each weight as typed read as a whole number; null when left empty or not one.</summary>
    private static Dictionary<string, int?> Read(Dictionary<string, string?> typed) =>
        Properties.ToDictionary(p => p.Name, p => WholeNumber.TryParse(typed.GetValueOrDefault(p.Name), out var value) ? value : (int?)null);

    private static Dictionary<string, string?> Shown(Dictionary<string, int?> values) =>
        values.ToDictionary(v => v.Key, v => v.Value?.ToString(CultureInfo.InvariantCulture));

    private async Task LoadHistoryAsync() =>
        History = await db.PlacementWeights.AsNoTracking().OrderByDescending(w => w.VersionNumber).Take(20).ToListAsync();

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
