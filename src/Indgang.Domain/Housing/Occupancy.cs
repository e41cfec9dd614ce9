namespace Indgang.Domain.Housing;

/// <summary>A household living in a unit from a move-in date, until it moves out (HOUSE-2).</summary>
public sealed class Occupancy
{
    public Occupancy(Guid unitId, Guid householdId, int beds, DateOnly movedInOn, bool isTemporary)
    {
        UnitId = unitId;
        HouseholdId = householdId;
        Beds = beds;
        MovedInOn = movedInOn;
        IsTemporary = isTemporary;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid UnitId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public int Beds { get; private set; }
    public DateOnly MovedInOn { get; private set; }
    public DateOnly? MovedOutOn { get; private set; }

    /// <summary>Copied from the unit at move-in, so the days in temporary housing stay right if the unit changes.</summary>
    public bool IsTemporary { get; private set; }

    public bool IsCurrent => MovedOutOn is null;

    /// <summary>
    /// The household's expected arrival before this move-in, planned ahead for a household not yet arrived, became it
    /// (<see cref="PlannedForExpectedArrival"/>); put back when the move-in is called off. Null for any other move-in.
    /// </summary>
    public DateOnly? ExpectedArrivalBefore { get; private set; }

    /// <summary>The move-in, still ahead, becomes the expected arrival of a household not yet arrived, that was <paramref name="before"/>.</summary>
    public void PlannedForExpectedArrival(DateOnly? before) => ExpectedArrivalBefore = before;

    /// <summary>
    /// Whether this is the household's home on the day: not moved out by then. An accepted move out on a later day
    /// leaves it home until that day; a move-in still ahead already counts (the unit is theirs).
    /// </summary>
    public bool IsHomeOn(DateOnly day) => MovedOutOn is not { } movedOut || movedOut > day;

    /// <summary>
    /// Where the household moves (<see cref="MoveOutDestination"/>); null for a stay ended before it was asked, or not
    /// ended.
    /// </summary>
    public MoveOutDestination? Destination { get; private set; }

    /// <summary>Where a household has left our housing for good: a home of its own, or another municipality.</summary>
    public static readonly IReadOnlyList<MoveOutDestination> DestinationsEndingTheWait = [MoveOutDestination.OwnHome, MoveOutDestination.LeftMunicipality];

    /// <summary>Whether the household left our housing for good on moving out (<see cref="DestinationsEndingTheWait"/>).</summary>
    public bool EndsTheWait => Destination is { } destination && DestinationsEndingTheWait.Contains(destination);

    /// <summary>
    /// Moves out on the day, to <paramref name="to"/>; without it, a move out already agreed comes on another day, to
    /// where it was going. From a permanent unit, not to another of ours (<see cref="HousingDuty.DestinationsFrom"/>).
    /// </summary>
    public void MoveOut(DateOnly on, MoveOutDestination? to = null)
    {
        if (on < MovedInOn)
        {
            throw new ArgumentException("Fraflytning kan ikke ligge før indflytning.");
        }

        if (to is { } destination && !MayMoveOutTo(destination))
        {
            throw new ArgumentException("Fra sin første permanente bolig fra kommunen flytter en husstand ikke til en anden af kommunens boliger.", nameof(to));
        }

        MovedOutOn = on;
        Destination = to ?? Destination;
    }

    /// <summary>
    /// A move out agreed before, and changed since, put back as it was agreed: on <paramref name="on"/>, to
    /// <paramref name="to"/>, or to nowhere told when null (not to where the change said).
    /// </summary>
    public void PutBackMoveOut(DateOnly on, MoveOutDestination? to)
    {
        MoveOut(on, to);
        Destination = to;
    }

    /// <summary>Whether the household may move from this stay to <paramref name="destination"/> (<see cref="HousingDuty.DestinationsFrom"/>).</summary>
    public bool MayMoveOutTo(MoveOutDestination destination) => HousingDuty.DestinationsFrom(IsTemporary).Contains(destination);

    /// <summary>
    /// The most beds the stays take at one time from the day on: on that day, or on a later day someone moves in
    /// (those whose home it is then). What a newcomer from that day must fit beside.
    /// </summary>
    public static int MostBedsAtOnce(IReadOnlyCollection<Occupancy> stays, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(stays);
        return stays.Select(s => s.MovedInOn).Where(d => d > from).Append(from)
            .Max(day => stays.Where(s => s.MovedInOn <= day && s.IsHomeOn(day)).Sum(s => s.Beds));
    }

    /// <summary>A new member of the household (family reunification) lives here too.</summary>
    public void MemberJoined() => Beds++;

    /// <summary>An agreed move out on a later day is called off: the household stays.</summary>
    public void StayOn()
    {
        MovedOutOn = null;
        Destination = null;
    }

    /// <summary>
    /// Days lived here up to (not including) the given day, or until moving out if that came first: an accepted move
    /// out on a later day does not count days not yet lived, and a move-in still ahead counts none.
    /// </summary>
    public int DaysUntil(DateOnly today)
    {
        var end = MovedOutOn is { } movedOut && movedOut < today ? movedOut : today;
        return Math.Max(0, end.DayNumber - MovedInOn.DayNumber);
    }

    /// <summary>
    /// Each household's days in the given stays up to the day: a household's stays are one stay (a move from one
    /// temporary unit to another goes on counting).
    /// </summary>
    public static Dictionary<Guid, int> DaysByHousehold(IEnumerable<Occupancy> stays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stays);
        return stays.GroupBy(o => o.HouseholdId).ToDictionary(g => g.Key, g => g.Sum(o => o.DaysUntil(today)));
    }

    /// <summary>
    /// The day a household's stays (<paramref name="stays"/>, all its own) reach <paramref name="days"/> days in all,
    /// counted as <see cref="DaysByHousehold"/> counts them (the household page's days in temporary housing): its other
    /// stays' days in full up to the move into <paramref name="last"/>, its last stay (a move agreed for a later day as
    /// well), and the rest from that move-in; not before it, as the household lives there from then. With stays that
    /// follow each other, <paramref name="days"/> after its first move-in, however often it has moved between units.
    /// </summary>
    public static DateOnly DayStaysReach(IEnumerable<Occupancy> stays, Occupancy last, int days)
    {
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(last);
        var before = stays.Where(s => s != last).Sum(s => s.DaysUntil(last.MovedInOn));
        var end = last.MovedInOn.AddDays(days - before);
        return end < last.MovedInOn ? last.MovedInOn : end;
    }
}
