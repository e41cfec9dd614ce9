using System.Security.Claims;

namespace Indgang.Web.Audit;

/// <summary>Who a change is made by, for what records it (a task closed): the signed-in user's id, or the system's.</summary>
public static class ActingUser
{
    public static string IdOrSystem(this IHttpContextAccessor http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? AuditLog.SystemActor;
    }
}
