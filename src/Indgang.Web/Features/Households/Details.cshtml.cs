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

    [BindProperty]
    public NoteInput Note { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostNoteAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        if (Note.PersonId is { } personId && Case.Household.Members.All(m => m.Id != personId))
        {
            ModelState.AddModelError("Note.PersonId", "Vælg et medlem af husstanden.");
        }

        if (Note.CorrectsNoteId is { } corrected && Case.Notes.All(n => n.Id != corrected))
        {
            ModelState.AddModelError("Note.CorrectsNoteId", "Noten, der rettes, findes ikke i denne husstand.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        // The author's department and role as they are now, kept on the note: its readers stay those it was written for.
        var author = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.DepartmentId }).FirstAsync();
        var note = db.JournalNotes.Add(new JournalNote(id, Note.PersonId, userId, author.DisplayName, author.DepartmentId, PersonAccess.IsCaseOwnerRole(User), clock.GetUtcNow(), Note.Text!, Note.CorrectsNoteId)).Entity;
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.JournalNoteWritten, Note.PersonId, "Journalnotat", AuditLog.Household(id, $", notat {note.Id:D}"));
        return Redirect($"/Households/{id}#journal");
    }

    public string NameOf(Guid? personId) => Case.Household.Members.FirstOrDefault(m => m.Id == personId)?.FullName ?? "";

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var read = await directory.ReadHouseholdAsync(User, id, "Sagsbehandling: visning af husstand");
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

public sealed class NoteInput
{
    [Required(ErrorMessage = "Skriv notatet.")]
    [StringLength(JournalNote.TextLength, ErrorMessage = "Notatet må højst være 8.000 tegn.")]
    public string? Text { get; set; }

    public Guid? PersonId { get; set; }
    public Guid? CorrectsNoteId { get; set; }
}
