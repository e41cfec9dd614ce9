using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Indgang.Domain.Audit;
using Indgang.Domain.Journal;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.People;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Features.Households;

/// <summary>One household's case: members and day 0, deadlines, tasks across departments, contracts and the journal.</summary>
public sealed class DetailsModel(PersonDirectory directory, HouseholdCase cases, IndgangDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public HouseholdCaseView Case { get; private set; } = null!;
    public bool IsCaseOwner { get; private set; }
    public Guid? MyDepartment { get; private set; }

    /// <summary>Whose notes the journal shows the user.</summary>
    public JournalReader Journal { get; private set; } = null!;


    [BindProperty(SupportsGet = true)]
    public bool Registered { get; set; }

    /// <summary>
    /// The member whose gender a new CPR number just changed (<see cref="CprModel"/>: the gender follows the number),
    /// told on the page, so that the change is not made without a word.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public Guid? GenderFollowedCpr { get; set; }

    /// <summary>The new note as typed; kept on an error.</summary>
    public NoteInput Note { get; private set; } = new();

    /// <summary>A note's correction as typed; on an error its note's correction form opens with it.</summary>
    public CorrectionInput Correction { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostNoteAsync(Guid id, [Bind(Prefix = "Note")] NoteInput note)
    {
        ArgumentNullException.ThrowIfNull(note);
        Note = note;
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (note.PersonId is { } personId && Case.Household.Members.All(m => m.Id != personId))
        {
            ModelState.AddModelError("Note.PersonId", "Vælg et medlem af husstanden.");
        }

        return ModelState.IsValid ? await WriteAsync(id, note.PersonId, note.Text!, correctsNoteId: null) : Page();
    }

    /// <summary>
    /// Corrects a note with a new one that points to it; the original is kept. Its own form fields (<c>Correction.*</c>),
    /// so that a correction refused shows beside its note's correction form, not in the new note's field.
    /// </summary>
    public async Task<IActionResult> OnPostCorrectionAsync(Guid id, [Bind(Prefix = "Correction")] CorrectionInput correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        Correction = correction;
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        // Only a note the user sees on this household's journal can be corrected; the correction is about whom the note is.
        if (Case.Notes.FirstOrDefault(n => n.Id == correction.CorrectsNoteId) is not { } corrected)
        {
            ModelState.AddModelError(string.Empty, "Noten, der rettes, findes ikke i denne husstand.");
            return Page();
        }

        return ModelState.IsValid ? await WriteAsync(id, corrected.PersonId, correction.Text!, corrected.Id) : Page();
    }

    /// <summary>Whether the correction form of this note holds a correction refused, to be shown open with its error.</summary>
    public bool IsCorrectionRefused(Guid noteId) => Correction.CorrectsNoteId == noteId && !ModelState.IsValid;

    private async Task<IActionResult> WriteAsync(Guid id, Guid? personId, string text, Guid? correctsNoteId)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // The author's department and role as they are now, kept on the note: its readers stay those it was written for.
        var author = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.DepartmentId }).FirstAsync();
        var note = db.JournalNotes.Add(new JournalNote(id, personId, userId, author.DisplayName, author.DepartmentId, PersonAccess.IsCaseOwnerRole(User), clock.GetUtcNow(), text, correctsNoteId)).Entity;
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.JournalNoteWritten, personId, AuditPurpose.JournalNote, AuditLog.Household(id, $", notat {note.Id:D}"));
        return Redirect($"/Households/{id}#journal");
    }

    /// <summary>The notes shown that correct this one, the oldest first: the note as first written is marked as corrected.</summary>
    public IReadOnlyList<JournalNote> CorrectionsOf(Guid noteId) =>
        [.. Case.Notes.Where(n => n.CorrectsNoteId == noteId).OrderBy(n => n.WrittenAt)];

    public string NameOf(Guid? personId) => Case.Household.Members.FirstOrDefault(m => m.Id == personId)?.FullName ?? "";

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var read = await directory.ReadHouseholdAsync(User, id, AuditPurpose.HouseholdCase);
        switch (read.Outcome)
        {
            case PersonLookup.NotFound:
                return NotFound();
            case PersonLookup.Forbidden:
                return Forbid();
        }

        Journal = JournalReader.For(User);
        Case = await cases.LoadAsync(read.Household!, PersonAccess.SeesPermanentHousing(User), Journal);
        IsCaseOwner = PersonAccess.IsCaseOwnerRole(User);
        MyDepartment = PersonAccess.DepartmentOf(User);
        return null;
    }
}

/// <summary>A new note on the journal, about the household or one member.</summary>
public sealed class NoteInput
{
    [Required(ErrorMessage = "Skriv notatet.")]
    [StringLength(JournalNote.TextLength, ErrorMessage = "Notatet må højst være 8.000 tegn.")]
    public string? Text { get; set; }

    public Guid? PersonId { get; set; }
}

/// <summary>A correction of a note: a new note that points to the one corrected, which is kept.</summary>
public sealed class CorrectionInput
{
    [Required(ErrorMessage = "Skriv rettelsen.")]
    [StringLength(JournalNote.TextLength, ErrorMessage = "Rettelsen må højst være 8.000 tegn.")]
    public string? Text { get; set; }

    public Guid? CorrectsNoteId { get; set; }
}
