using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>A staff member who signs in to Indgang.</summary>
public sealed class IndgangUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The department a department worker belongs to; need-to-know follows it.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>When the user last opened their notices: the menu counts those that came after (unread), none before.</summary>
    public DateTimeOffset? NotificationsSeenAt { get; set; }
}
