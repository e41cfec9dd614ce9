using System.ComponentModel.DataAnnotations;
using Indgang.Domain.Housing;

namespace Indgang.Web.Features.Housing;

/// <summary>The fields of a housing unit, shared by create, edit and CSV import.</summary>
public sealed class UnitInput
{
    /// <summary>The longest label and block reason the database keeps.</summary>
    public const int LabelMaxLength = Data.Configurations.HousingUnitConfiguration.LabelLength;
    public const int BlockedReasonMaxLength = Data.Configurations.HousingUnitConfiguration.BlockedReasonLength;

    public Guid? SiteId { get; set; }
    public string? Label { get; set; }
    public bool IsPermanent { get; set; }
    [Display(Name = "antal værelser", Prompt = "2")]
    public int? Rooms { get; set; }

    [Display(Name = "antal senge", Prompt = "4")]
    public int? Beds { get; set; }

    public bool IsSharedRoom { get; set; }

    [Display(Name = "huslejen")]
    public decimal? MonthlyRent { get; set; }

    public bool StepFree { get; set; }
    public bool GroundFloor { get; set; }
    public bool Lift { get; set; }

    [Display(Name = "afstanden til station eller bus", Prompt = "500")]
    public int? TransportMetres { get; set; }

    [Display(Name = "afstanden til skole", Prompt = "800")]
    public int? SchoolMetres { get; set; }

    [Display(Name = "afstanden til dagtilbud", Prompt = "600")]
    public int? DaycareMetres { get; set; }

    [Display(Name = "afstanden til indkøb", Prompt = "400")]
    public int? ShopsMetres { get; set; }

    public bool InVulnerableArea { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public string? BlockedReason { get; set; }

    /// <summary>The most beds a unit has: more is a number typed wrong.</summary>
    public const int MostBeds = 30;

    /// <summary>The most rooms a unit has, as many as its beds at most.</summary>
    public const int MostRooms = MostBeds;

    /// <summary>
    /// Field errors keyed by property name; empty when the input describes a unit. The day it is free from lies within the
    /// planning horizon from <paramref name="today"/> and not before 1999: a year typed wrong (9999) is refused.
    /// </summary>
    public Dictionary<string, string> Validate(IReadOnlyCollection<Guid> siteIds, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (SiteId is not { } site || !siteIds.Contains(site))
        {
            errors[nameof(SiteId)] = "Vælg et boligsted fra listen.";
        }

        if (string.IsNullOrWhiteSpace(Label))
        {
            errors[nameof(Label)] = "Angiv boligens betegnelse, fx »Lejlighed 3« eller »Værelse 12«.";
        }
        else if (Label.Trim().Length > LabelMaxLength)
        {
            errors[nameof(Label)] = "Betegnelsen må højst være 100 tegn.";
        }
        else if (Platform.ControlCharacters.In(Label))
        {
            errors[nameof(Label)] = Platform.ControlCharacters.Refused;
        }

        if (BlockedReason?.Trim().Length > BlockedReasonMaxLength)
        {
            errors[nameof(BlockedReason)] = "Årsagen til spærringen må højst være 500 tegn.";
        }
        else if (Platform.ControlCharacters.In(BlockedReason))
        {
            errors[nameof(BlockedReason)] = Platform.ControlCharacters.Refused;
        }

        if (Rooms is not > 0 or > MostRooms)
        {
            errors[nameof(Rooms)] = "Angiv antal værelser (1–30).";
        }

        if (Beds is not > 0 or > MostBeds)
        {
            errors[nameof(Beds)] = "Angiv antal senge (1–30).";
        }

        if (MonthlyRent is not (>= 0 and <= HousingUnit.MostMonthlyRent))
        {
            errors[nameof(MonthlyRent)] = HousingUnit.RentRefusal;
        }

        foreach (var (name, value) in new[] { (nameof(TransportMetres), TransportMetres), (nameof(SchoolMetres), SchoolMetres), (nameof(DaycareMetres), DaycareMetres), (nameof(ShopsMetres), ShopsMetres) })
        {
            // Required: an empty distance stored as 0 m would rank the unit as next door to school, bus and shops.
            if (value is not (>= 0 and <= 100_000))
            {
                errors[name] = "Angiv afstanden i meter (0–100.000).";
            }
        }

        if (AvailableFrom is null)
        {
            errors[nameof(AvailableFrom)] = "Angiv fra hvilken dato boligen er ledig.";
        }
        else if (Platform.PlanningHorizon.IsBeyond(AvailableFrom.Value, today))
        {
            errors[nameof(AvailableFrom)] = Platform.PlanningHorizon.TooFarAhead;
        }
        else if (Platform.PlanningHorizon.IsBeforeEarliest(AvailableFrom.Value))
        {
            errors[nameof(AvailableFrom)] = Platform.PlanningHorizon.TooFarBack;
        }

        if (IsSharedRoom && IsPermanent)
        {
            errors[nameof(IsSharedRoom)] = "Et delt værelse er en midlertidig bolig.";
        }

        return errors;
    }

    public HousingUnit ToUnit()
    {
        var unit = new HousingUnit(SiteId!.Value, Label!, Rooms!.Value, Beds!.Value, MonthlyRent!.Value);
        ApplyTo(unit);
        return unit;
    }

    public void ApplyTo(HousingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        unit.SiteId = SiteId!.Value;
        unit.Label = Label!.Trim();
        unit.Rooms = Rooms!.Value;
        unit.Beds = Beds!.Value;
        unit.MonthlyRent = MonthlyRent!.Value;
        unit.IsPermanent = IsPermanent;
        unit.IsSharedRoom = IsSharedRoom;
        unit.StepFree = StepFree;
        unit.GroundFloor = GroundFloor;
        unit.Lift = Lift;
        unit.TransportMetres = TransportMetres!.Value;
        unit.SchoolMetres = SchoolMetres!.Value;
        unit.DaycareMetres = DaycareMetres!.Value;
        unit.ShopsMetres = ShopsMetres!.Value;
        unit.InVulnerableArea = InVulnerableArea;
        unit.AvailableFrom = AvailableFrom!.Value;
        unit.Edited();
        if (string.IsNullOrWhiteSpace(BlockedReason))
        {
            if (unit.Status == UnitStatus.Blocked)
            {
                unit.Unblock();
            }
        }
        else
        {
            unit.Block(BlockedReason);
        }
    }

    public static UnitInput From(HousingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new()
        {
            SiteId = unit.SiteId, Label = unit.Label, IsPermanent = unit.IsPermanent, Rooms = unit.Rooms, Beds = unit.Beds,
            IsSharedRoom = unit.IsSharedRoom, MonthlyRent = unit.MonthlyRent, StepFree = unit.StepFree, GroundFloor = unit.GroundFloor,
            Lift = unit.Lift, TransportMetres = unit.TransportMetres, SchoolMetres = unit.SchoolMetres, DaycareMetres = unit.DaycareMetres,
            ShopsMetres = unit.ShopsMetres, InVulnerableArea = unit.InVulnerableArea, AvailableFrom = unit.AvailableFrom, BlockedReason = unit.BlockedReason,
        };
    }
}
