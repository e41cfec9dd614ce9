namespace Indgang.Domain.Housing;

/// <summary>
/// One unit of the housing stock (HOUSE-1). A unit is let whole to one household, except a shared
/// room, which several single adults share bed by bed. <see cref="OccupiedBeds"/> and the
/// concurrency token <see cref="Version"/> change on every move, so two coordinators assigning the
/// last beds at the same moment cannot both succeed.
/// </summary>
public sealed class HousingUnit
{
    public HousingUnit(Guid siteId, string label, int rooms, int beds, decimal monthlyRent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        SiteId = siteId;
        Label = label.Trim();
        Rooms = rooms;
        Beds = beds;
        MonthlyRent = monthlyRent;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SiteId { get; set; }
    public string Label { get; set; }
    public bool IsPermanent { get; set; }
    public int Rooms { get; set; }
    public int Beds { get; set; }

    /// <summary>A room shared by single adults; never for families.</summary>
    public bool IsSharedRoom { get; set; }
    public decimal MonthlyRent { get; set; }
    public bool StepFree { get; set; }
    public bool GroundFloor { get; set; }
    public bool Lift { get; set; }
    public int TransportMetres { get; set; }
    public int SchoolMetres { get; set; }
    public int DaycareMetres { get; set; }
    public int ShopsMetres { get; set; }

    /// <summary>In a designated vulnerable housing area: never used for refugees (integrationsloven § 12).</summary>
    public bool InVulnerableArea { get; set; }
    public UnitStatus Status { get; private set; } = UnitStatus.Available;
    public string? BlockedReason { get; private set; }
    public DateOnly AvailableFrom { get; set; }
    public int OccupiedBeds { get; private set; }
    public int OccupyingHouseholds { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>More than any home's monthly rent in kroner: a rent above it is a typing mistake (and more than is kept).</summary>
    public const decimal MostMonthlyRent = 100_000m;

    /// <summary>The refusal beside a monthly rent that is negative or above <see cref="MostMonthlyRent"/>.</summary>
    public const string RentRefusal = "Angiv den månedlige husleje i kroner (0–100.000).";

    /// <summary>
    /// The refusal beside a rent with fractions of an øre (5000.123456, from a program: a form's amount has at most two
    /// decimals). PostgreSQL would keep it rounded to the øre, SQLite as sent.
    /// </summary>
    public const string RentOreRefusal = "Huslejen kan højst have to decimaler (hele øre).";

    /// <summary>A rent in whole øre: at most two decimals.</summary>
    public static bool IsInWholeOre(decimal rent) => decimal.Round(rent, 2) == rent;

    /// <summary>
    /// The refusal of a move-in before <see cref="AvailableFrom"/>, with that day (to choose a move-in from): about the day,
    /// not the household.
    /// </summary>
    public const string NotFreeOnTheDay = "Boligen er først ledig fra {0:d. MMMM yyyy}.";

    /// <summary>Every bed is taken (<see cref="RefusalFor"/>).</summary>
    public const string NoBedFree = "Der er ingen ledige senge i boligen.";

    public int FreeBeds => Beds - OccupiedBeds;
    public bool IsUsable => Status == UnitStatus.Available && !InVulnerableArea;

    /// <summary>
    /// The beds a household could be given on <paramref name="today"/>: those of a unit free now (<see cref="StockStatus.AvailableNow"/>).
    /// A whole unit a household lives in, or is to move into, has none to give however many it leaves empty (one household
    /// a whole unit); nor has a unit that opens later, or whose household has agreed to move out on a later day. A shared
    /// room's are its beds less those taken from today on (<paramref name="sharedBedsTaken"/>: a resident who has agreed to
    /// move out later keeps a bed until then, though <see cref="OccupiedBeds"/> freed it at the agreement).
    /// </summary>
    public int BedsToGiveOn(DateOnly today, int? sharedBedsTaken = null) =>
        StockStatusOn(today) != StockStatus.AvailableNow ? 0
        : IsSharedRoom && sharedBedsTaken is { } taken ? Math.Max(0, Beds - taken)
        : FreeBeds;

    /// <summary>
    /// The stock's beds that can be given today (<see cref="BedsToGiveOn"/>) and all its beds, counting only units that may
    /// be used (not blocked, not § 12); <paramref name="sharedBedsTaken"/> the shared rooms' beds taken from today on, by room.
    /// </summary>
    public static (int Free, int Total) UsableBeds(IEnumerable<HousingUnit> units, DateOnly today, IReadOnlyDictionary<Guid, int>? sharedBedsTaken = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var usable = units.Where(u => u.IsUsable).ToList();
        return (usable.Sum(u => u.BedsToGiveOn(today, sharedBedsTaken is null ? null : sharedBedsTaken.GetValueOrDefault(u.Id))), usable.Sum(u => u.Beds));
    }

    /// <summary>
    /// The unit's status in the stock list on the day. The stock list's filter (<c>UnitFilter</c>) asks the database the
    /// same question and is tested to agree with this. <paramref name="reservedFrom"/> is the day the first household moves
    /// in when nobody lives in the unit today (null when someone does, or no one is to): a unit with no bed to give then
    /// is <see cref="StockStatus.Reserved"/>, not <see cref="StockStatus.Occupied"/>.
    /// </summary>
    public StockStatus StockStatusOn(DateOnly today, DateOnly? reservedFrom = null)
    {
        if (InVulnerableArea)
        {
            return StockStatus.VulnerableArea;
        }

        if (!IsUsable)
        {
            return StockStatus.Blocked;
        }

        if (FreeBeds <= 0 || (!IsSharedRoom && OccupyingHouseholds > 0))
        {
            return reservedFrom is null ? StockStatus.Occupied : StockStatus.Reserved;
        }

        return AvailableFrom > today ? StockStatus.AvailableLater : StockStatus.AvailableNow;
    }

    /// <summary>The unit's facts were edited: anyone who read it before must read it again (optimistic concurrency).</summary>
    public void Edited() => Touch();

    public void Block(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = UnitStatus.Blocked;
        BlockedReason = reason.Trim();
        Touch();
    }

    public void Unblock()
    {
        Status = UnitStatus.Available;
        BlockedReason = null;
        Touch();
    }

    /// <summary>
    /// Why a household of this size cannot move in now, or null when it can. A constant text but for a blocked unit (its
    /// reason) and too few beds (how many are free).
    /// </summary>
    public Said? RefusalFor(int householdSize, bool isSingleAdult, DateOnly moveIn)
    {
        if (InVulnerableArea)
        {
            return new("Boligen ligger i et udsat boligområde og må ikke anvendes (integrationsloven § 12).");
        }

        if (Status == UnitStatus.Blocked)
        {
            return new("Boligen er spærret: {0}", BlockedReason ?? "");
        }

        if (moveIn < AvailableFrom)
        {
            return new(NotFreeOnTheDay, AvailableFrom);
        }

        if (IsSharedRoom && !isSingleAdult)
        {
            return new("Delte værelser er kun til enlige voksne.");
        }

        if (!IsSharedRoom && OccupyingHouseholds > 0)
        {
            return new("Boligen er givet til en anden husstand, som bor der eller skal flytte ind.");
        }

        // More people than free beds: the household is two or more when a bed is free.
        return householdSize <= FreeBeds ? null
            : FreeBeds <= 0 ? new(NoBedFree)
            : new(Counted.Form(FreeBeds, "Der er kun {0} ledig seng; husstanden er {1} personer.", "Der er kun {0} ledige senge; husstanden er {1} personer."), FreeBeds, householdSize);
    }

    public void MoveIn(int householdSize)
    {
        OccupiedBeds += householdSize;
        OccupyingHouseholds++;
        Touch();
    }

    /// <summary>
    /// A household still living here moves out on another day than agreed: a whole unit is free for someone else from
    /// the new day — later when the move comes later; earlier when the move comes earlier and the agreed day was what
    /// held the unit back. (A shared room's beds are counted by day, see <see cref="MoveOut(int, DateOnly)"/>.)
    /// </summary>
    public void MoveOutChanged(DateOnly agreedDay, DateOnly newDay)
    {
        if (!IsSharedRoom && (newDay > AvailableFrom || AvailableFrom == agreedDay))
        {
            AvailableFrom = newDay;
        }

        Touch();
    }

    /// <summary>A household's agreed move out is called off: its beds are taken again, and what the agreed day held back is not.</summary>
    public void MoveOutCalledOff(DateOnly agreedDay, DateOnly movedInOn, int householdSize)
    {
        if (AvailableFrom == agreedDay)
        {
            AvailableFrom = movedInOn;
        }

        MoveIn(householdSize);
    }

    /// <summary>A move-in still ahead is called off: its beds are free again; the unit was free before it, so its day stays.</summary>
    public void MoveInCalledOff(int householdSize) => MoveOut(householdSize);

    /// <summary>A resident household has grown by one (family reunification): one more bed taken.</summary>
    public void ResidentJoined()
    {
        OccupiedBeds++;
        Touch();
    }

    /// <summary>
    /// A household moves out on the day: its beds count as free at once, but a whole unit is only ready for someone
    /// else from that day. A shared room's other beds stay free: its beds are counted by day
    /// (<see cref="Occupancy.MostBedsAtOnce"/>), so the leaving resident's bed waits till then by itself.
    /// </summary>
    public void MoveOut(int householdSize, DateOnly on)
    {
        if (!IsSharedRoom && on > AvailableFrom)
        {
            AvailableFrom = on;
        }

        MoveOut(householdSize);
    }

    private void MoveOut(int householdSize)
    {
        OccupiedBeds = Math.Max(0, OccupiedBeds - householdSize);
        OccupyingHouseholds = Math.Max(0, OccupyingHouseholds - 1);
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
