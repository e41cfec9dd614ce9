namespace Indgang.Domain.Journal;

/// <summary>
/// A journal note on a household or one of its members (PLAN-6). Notes are never edited or deleted:
/// a correction is a new note that points at the note it corrects.
/// </summary>
public sealed class JournalNote
{
    public JournalNote(Guid householdId, Guid? personId, string authorUserId, string authorName, Guid? authorDepartmentId, bool writtenByCaseOwner, DateTimeOffset writtenAt, string text, Guid? correctsNoteId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        HouseholdId = householdId;
        PersonId = personId;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        AuthorDepartmentId = authorDepartmentId;
        WrittenByCaseOwner = writtenByCaseOwner;
        WrittenAt = writtenAt;
        Text = text.Trim();
        CorrectsNoteId = correctsNoteId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid HouseholdId { get; private set; }
    public Guid? PersonId { get; private set; }
    public string AuthorUserId { get; private set; }
    public string AuthorName { get; private set; }

    /// <summary>
    /// The department the author worked in when writing the note (none for a coordinator without one): whose colleagues
    /// read it, also after the author has moved to another department (decision 0012).
    /// </summary>
    public Guid? AuthorDepartmentId { get; private set; }

    /// <summary>
    /// Whether the author carried cases (a coordinator) when writing the note: what a person told the coordinator in
    /// confidence is read by the coordinators and its author only, not by the author's department (decision 0014).
    /// Kept on the note, like the department, so that a role given or taken later changes no note's readers.
    /// </summary>
    public bool WrittenByCaseOwner { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }
    public string Text { get; private set; }

    /// <summary>The longest note, as its column holds it: the household page checks the note against it first.</summary>
    public const int TextLength = 8000;
    public Guid? CorrectsNoteId { get; private set; }
}
