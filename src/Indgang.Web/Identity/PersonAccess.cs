using System.Security.Claims;
using Indgang.Domain.People;

namespace Indgang.Web.Identity;

/// <summary>
/// Need-to-know for one person, checked after the person is loaded. Coordinators own the cases and
/// housing coordinators place households; a department worker sees a person only through a task
/// for their department (tasks arrive with reception); managers and administrators never do.
/// </summary>
public sealed class PersonAccess
{
    public bool CanRead(ClaimsPrincipal user, Person person)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(person);
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.HousingCoordinator);
    }
}
