using Indgang.Domain;

namespace Indgang.Web.Features.Notifications;

/// <summary>
/// What a notice says, as a message (<see cref="Said"/>) kept with it, so that each reader gets it in their language: the
/// Danish texts here are the localizer's keys. Names, addresses and a unit's label go in as they were typed.
/// </summary>
public static class Notices
{
    /// <summary>"1 ny opgave: Familien Haddad" (a department's new tasks for a household).</summary>
    public const string NewTask = "{0} ny opgave: {1}";

    /// <summary>"7 nye opgaver: Familien Haddad".</summary>
    public const string NewTasks = "{0} nye opgaver: {1}";

    /// <summary>"1 opgave er lukket, husstanden flytter fra den midlertidige bolig: Familien Haddad".</summary>
    public const string TaskClosed = "{0} opgave er lukket, {1}: {2}";

    /// <summary>"2 opgaver er lukket, …".</summary>
    public const string TasksClosed = "{0} opgaver er lukket, {1}: {2}";

    /// <summary>A task of the household is overdue (to the household's coordinator).</summary>
    public static Said Overdue(Said taskTitle, string householdName) => new Said("Overskredet: {0} ({1})", taskTitle, householdName);

    /// <summary>A department's task is due within days.</summary>
    public static Said DueSoon(Said taskTitle, string householdName) => new Said("Snart frist: {0} ({1})", taskTitle, householdName);

    /// <summary>An offer of a permanent home awaits the household's answer by <paramref name="answerBy"/>.</summary>
    public static Said OfferAnswerDue(DateOnly answerBy, string address, string householdName) =>
        new Said("Svarfrist for boligtilbud {0:d. MMMM yyyy}: {1} ({2})", answerBy, address, householdName);

    /// <summary>A department has <paramref name="count"/> new tasks for the household.</summary>
    public static Said NewTasksFor(int count, string householdName) => new Said(Counted.Form(count, NewTask, NewTasks), count, householdName);

    /// <summary>A department's <paramref name="count"/> open tasks for the household are closed as not needed, and why.</summary>
    public static Said TasksClosedFor(int count, Said why, string householdName) =>
        new Said(Counted.Form(count, TaskClosed, TasksClosed), count, why, householdName);

    /// <summary>A department's open tasks for the household follow a change (<paramref name="what"/>).</summary>
    public static Said TasksFollow(Said what, string householdName) => new Said("{0}: {1}", what, householdName);

    /// <summary>A member has joined a household whose home no longer fits it (to the housing coordinators).</summary>
    public static Said HomeNoLongerFits(string householdName, int persons, string unitLabel) =>
        new Said("{0} er nu {1} personer og bor i {2}, som ikke passer længere: find en anden bolig.", householdName, persons, unitLabel);
}
