using System.Security.Claims;
using Indgang.Domain.Journal;
using Indgang.Web.Data;
using Indgang.Web.Identity;

namespace Indgang.Web.Features.Households;

/// <summary>
/// Whose journal notes (PLAN-6) a reader of a household's case sees: need-to-know. A note may hold what a person told
/// in confidence, about health too, so the coordinator, who carries the case, sees every note; anyone else sees the
/// notes written by themselves or by a colleague of their own department (a department worker with a task, the housing
/// coordinator), not another department's.
/// </summary>
public sealed record JournalReader(string UserId, Guid? DepartmentId, bool SeesAll)
{
    public static JournalReader For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", PersonAccess.DepartmentOf(user), PersonAccess.IsCaseOwnerRole(user));
    }

    /// <summary>The notes this reader sees of those given, asked in the database.</summary>
    public IQueryable<JournalNote> Shown(IndgangDbContext db, IQueryable<JournalNote> notes)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notes);
        if (SeesAll)
        {
            return notes;
        }

        var (me, department) = (UserId, DepartmentId);
        return notes.Where(n => n.AuthorUserId == me
            || (department != null && db.Users.Any(u => u.Id == n.AuthorUserId && u.DepartmentId == department)));
    }
}
