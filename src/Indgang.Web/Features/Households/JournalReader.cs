using System.Security.Claims;
using Indgang.Domain.Journal;
using Indgang.Web.Identity;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Whose journal notes (PLAN-6) a reader of a household's case sees: need-to-know. A note may hold what a person told
/// in confidence, about health too, so the coordinator, who carries the case, sees every note; anyone else sees the
/// notes written by themselves or in their own department (a department worker with a task, the housing coordinator),
/// not another department's. A note's department is the one its author worked in when writing it
/// (<see cref="JournalNote.AuthorDepartmentId"/>): an author who moves takes no notes along, and a colleague who joins
/// later reads the department's notes from before. A note written by a coordinator
/// (<see cref="JournalNote.WrittenByCaseOwner"/>) is the coordinators' alone: their department is shared with others
/// (the housing coordinator works in Jobberiet), who have no need to read what was told in confidence (decision 0014).
/// </summary>
public sealed record JournalReader(string UserId, Guid? DepartmentId, bool SeesAll)
{
    public static JournalReader For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", PersonAccess.DepartmentOf(user), PersonAccess.IsCaseOwnerRole(user));
    }

    /// <summary>The notes this reader sees of those given, asked in the database.</summary>
    public IQueryable<JournalNote> Shown(IQueryable<JournalNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (SeesAll)
        {
            return notes;
        }

        var (me, department) = (UserId, DepartmentId);
        return notes.Where(n => n.AuthorUserId == me || (department != null && n.AuthorDepartmentId == department && !n.WrittenByCaseOwner));
    }
}
