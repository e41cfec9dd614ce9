namespace Indgang.Domain.Reception;

/// <summary>
/// The tasks a move into or out of one of the municipality's units brings (HOUSE-2), each due on the day of the move
/// unless <see cref="DaysAfterMove"/> says otherwise:
/// at move-in the lease, the keys and the house-rules introduction; at move-out the end of the lease, the keys handed
/// back and the inspection of the unit before the next household moves in. And those of a move into a permanent home
/// the household has accepted through the pipeline (HOUSE-5).
/// </summary>
public static class MoveTasks
{
    public static IReadOnlyList<TaskType> MoveIn { get; } = [TaskType.LeaseContract, TaskType.KeyHandover, TaskType.HouseRulesIntroduction];

    public static IReadOnlyList<TaskType> MoveOut { get; } = [TaskType.LeaseTermination, TaskType.KeyReturn, TaskType.MoveOutInspection];

    /// <summary>
    /// The arrival checklist's tasks about the home that wait for the household's first move-in, days after it
    /// (<see cref="DaysAfterMove"/>): the defects list at move-in, which Teknik og drift makes within the 14 days the rent
    /// acts give a tenant from the start of the lease. Made by the checklist 14 days after the arrival, it was overdue
    /// before a household that waited for a home had one.
    /// </summary>
    public static IReadOnlyList<TaskType> AfterFirstMoveIn { get; } = [TaskType.MoveInDefectsList];

    /// <summary>
    /// The arrival checklist's tasks that need the household's first home (<see cref="MoveIn"/> and
    /// <see cref="AfterFirstMoveIn"/>): none can be done before it, and its move-in gives them their real due dates. Until
    /// then they wait for a home, and are late nowhere.
    /// </summary>
    public static IReadOnlyList<TaskType> WaitForFirstHome { get; } = [.. MoveIn, .. AfterFirstMoveIn];

    /// <summary>
    /// A move into a temporary unit of ours, besides <see cref="MoveIn"/>: help to register with the housing associations'
    /// waiting lists (seed 001, Jobberiet: "Hjælp til opskrivning til permanente boliger"; the temporary home is for a
    /// short time), for a household that is on none yet, within <see cref="DaysAfterMove"/>. Not named with the unit: it
    /// is about the home after it.
    /// </summary>
    public static IReadOnlyList<TaskType> IntoTemporaryHome { get; } = [TaskType.HousingRegistrationHelp];

    /// <summary>
    /// The move into a permanent home of a housing association (seed 004: "Ved indflytning i permanent bolig sikres det,
    /// at der er udført mangelliste, at flygtningene er vejledt omkring regler og husorden i boligselskabet og ved hvor de
    /// skal henvende sig med problemstillinger"): the guidance on the move day, the defects list within the days after
    /// it that a tenant has to report what was wrong at move-in (<see cref="DaysAfterMove"/>).
    /// </summary>
    public static IReadOnlyList<TaskType> IntoPermanentHome { get; } = [TaskType.PermanentHomeGuidance, TaskType.PermanentHomeDefectsList];

    /// <summary>
    /// The tasks a move into one of our units ties to its stay (<see cref="Tasks.CaseTask.OccupancyId"/>): the lease, keys
    /// and house rules (<see cref="MoveIn"/>), and at a move into one of our permanent units the tasks of a move into a
    /// permanent home (<see cref="IntoPermanentHome"/>), as an accepted offer brings them. They close when that move-in is
    /// undone; another stay's are its own.
    /// </summary>
    public static IReadOnlyList<TaskType> OfStayMoveIn { get; } = [.. MoveIn, .. IntoPermanentHome];

    /// <summary>
    /// The move on from a temporary unit of ours, to come: once a member has paid work (<see cref="Plans.PaidWork"/>),
    /// Jobberiet motivates the household to move on to a permanent home (seed 001: the temporary homes' low rent makes
    /// it hard to move on, and the capacity is for new refugees). Due when the work starts.
    /// </summary>
    public static IReadOnlyList<TaskType> OnFromTemporaryHome { get; } = [TaskType.PermanentHomeMotivation];

    /// <summary>
    /// The tasks that belong to the household's time in our temporary housing and end with it: the help to register and
    /// the motivation to move on, not needed once it moves to a home of its own or away, or its move-in is undone.
    /// </summary>
    public static IReadOnlyList<TaskType> OfTemporaryHousing { get; } = [.. IntoTemporaryHome, .. OnFromTemporaryHome];

    /// <summary>
    /// Days after the move a move's task is due: the rent acts give a tenant 14 days from the start of the lease to report
    /// the defects found at move-in (a permanent home's, and the first unit of ours'); the help to register is given within the first month in temporary housing (the
    /// strategy sets no day; a month leaves the household time to settle, and Jobberiet is not told it is late on the
    /// first day); every other task of a move is due on its day.
    /// </summary>
    public static int DaysAfterMove(TaskType type) => type switch
    {
        TaskType.PermanentHomeDefectsList or TaskType.MoveInDefectsList => 14,
        TaskType.HousingRegistrationHelp => 30,
        _ => 0,
    };

    /// <summary>The Danish name of a move's task, or null for a type no move brings.</summary>
    public static string? Title(TaskType type) => type switch
    {
        TaskType.LeaseContract => "Lejekontrakt",
        TaskType.KeyHandover => "Nøgleoverdragelse",
        TaskType.HouseRulesIntroduction => "Introduktion til husorden, affaldssortering og energi",
        TaskType.LeaseTermination => "Afslutning af lejekontrakt",
        TaskType.KeyReturn => "Aflevering af nøgler",
        TaskType.MoveOutInspection => "Fraflytningssyn",
        TaskType.PermanentHomeGuidance => "Vejledning om boligselskabets regler og husorden, og hvor man henvender sig",
        TaskType.PermanentHomeDefectsList => "Mangelliste til boligselskabet",
        TaskType.HousingRegistrationHelp => "Hjælp til opskrivning til en permanent bolig",
        TaskType.PermanentHomeMotivation => "Motivation til at flytte i permanent bolig, nu med arbejde",
        _ => null,
    };

    /// <summary>
    /// The household's tasks of a move on <paramref name="day"/> (each due <see cref="DaysAfterMove"/> after it), named
    /// with the home: a unit's label, or a permanent home's address (the motivation to move on: the work that makes it
    /// possible).
    /// </summary>
    public static IReadOnlyList<PlannedTask> Plan(IEnumerable<TaskType> types, DateOnly day, string home)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(home);
        return Planned(types, day, title => Named(title, home));
    }

    /// <summary>
    /// The title of a move's task named with the home (as <see cref="Plan(IEnumerable{TaskType}, DateOnly, string)"/> names
    /// it): for a task named anew when the home's address was typed wrong.
    /// </summary>
    public static string TitleWith(TaskType type, string home)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(home);
        return Named(Title(type) ?? throw new ArgumentException($"{type} is not a task of a move.", nameof(type)), home);
    }

    /// <summary>The title and the home, cut with "…" to the longest title a task has (an address may be 300 characters).</summary>
    private static string Named(string title, string home)
    {
        var named = $"{title} – {home.Trim()}";
        return named.Length <= Tasks.CaseTask.TitleLength ? named : string.Concat(named.AsSpan(0, Tasks.CaseTask.TitleLength - 1), "…");
    }

    /// <summary>The household's tasks of a move on <paramref name="day"/>, named by their titles alone (the help to register: it is about the home after this one).</summary>
    public static IReadOnlyList<PlannedTask> Plan(IEnumerable<TaskType> types, DateOnly day) => Planned(types, day, title => title);

    private static List<PlannedTask> Planned(IEnumerable<TaskType> types, DateOnly day, Func<string, string> named)
    {
        ArgumentNullException.ThrowIfNull(types);
        return [.. types.Select(type => new PlannedTask(
            type, day.AddDays(DaysAfterMove(type)), null, named(Title(type) ?? throw new ArgumentException($"{type} is not a task of a move.", nameof(types)))))];
    }
}
