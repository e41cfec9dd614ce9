using System.Globalization;
using Indgang.Domain.Housing;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing;

/// <summary>
/// The stock list's filter form as typed, bound from the query string. Every field is read as text, so that whatever
/// comes in is shown back; <see cref="Read"/> turns it into a <see cref="UnitFilter"/> and a message for each field
/// that cannot be read. Such a field is left out of the filter; the others still narrow the list.
/// </summary>
public sealed class UnitFilterInput
{
    /// <summary>No site name is longer; a longer search can find nothing.</summary>
    public const int SearchMaxLength = Data.Configurations.HousingSiteConfiguration.NameLength;

    /// <summary>The most beds a unit can have (<see cref="UnitInput"/>).</summary>
    public const int MostFreeBeds = 30;

    public string? Town { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
    public bool StepFree { get; set; }
    public string? MinFreeBeds { get; set; }
    public string? Search { get; set; }

    public bool IsEmpty =>
        !StepFree && new[] { Town, Type, Status, MinFreeBeds, Search }.All(string.IsNullOrWhiteSpace);

    public static IReadOnlyList<SelectListItem> TypeOptions { get; } =
    [
        new("Alle", ""),
        new("Midlertidig", nameof(UnitType.Temporary)),
        new("Permanent", nameof(UnitType.Permanent)),
        new("Delt værelse (kun enlige voksne)", nameof(UnitType.SharedRoom)),
    ];

    /// <summary>In the Status column's words: the column's badge "Ledig" is "Ledig nu" or, with a later day, "Ledig senere".</summary>
    public static IReadOnlyList<SelectListItem> StatusOptions { get; } =
    [
        new("Alle", ""),
        new("Ledig nu", nameof(StockStatus.AvailableNow)),
        new("Ledig senere", nameof(StockStatus.AvailableLater)),
        new("Beboet", nameof(StockStatus.Occupied)),
        new("Reserveret", nameof(StockStatus.Reserved)),
        new("Spærret", nameof(StockStatus.Blocked)),
        new("Udsat område", nameof(StockStatus.VulnerableArea)),
    ];

    /// <summary>The filter the readable fields give, and the fields that could not be read, each with why.</summary>
    public (UnitFilter Filter, Dictionary<string, string> Errors) Read(IReadOnlyCollection<Guid> townsWithSites)
    {
        ArgumentNullException.ThrowIfNull(townsWithSites);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Guid? town = null;
        if (!string.IsNullOrWhiteSpace(Town))
        {
            if (Guid.TryParse(Town.Trim(), out var id) && townsWithSites.Contains(id))
            {
                town = id;
            }
            else
            {
                errors[nameof(Town)] = "Vælg en by fra listen.";
            }
        }

        var type = Choice<UnitType>(Type);
        if (type is null && !string.IsNullOrWhiteSpace(Type))
        {
            errors[nameof(Type)] = "Vælg en type fra listen.";
        }

        var status = Choice<StockStatus>(Status);
        if (status is null && !string.IsNullOrWhiteSpace(Status))
        {
            errors[nameof(Status)] = "Vælg en status fra listen.";
        }

        int? minFreeBeds = null;
        if (!string.IsNullOrWhiteSpace(MinFreeBeds))
        {
            if (int.TryParse(MinFreeBeds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var beds) && beds <= MostFreeBeds)
            {
                minFreeBeds = beds;
            }
            else
            {
                errors[nameof(MinFreeBeds)] = "Angiv antal ledige senge som et helt tal fra 0 til 30.";
            }
        }

        string? search = null;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            if (Search.Trim().Length <= SearchMaxLength)
            {
                search = Search.Trim();
            }
            else
            {
                errors[nameof(Search)] = "Søgeteksten må højst være 200 tegn.";
            }
        }

        return (new UnitFilter(town, type, status, StepFree, minFreeBeds, search), errors);
    }

    // Only an option's own value: Enum.TryParse would also take numbers ("7") and lists ("Blocked,Occupied").
    private static T? Choice<T>(string? value) where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value.Trim(), StringComparer.Ordinal) ? Enum.Parse<T>(value.Trim()) : null;
}
