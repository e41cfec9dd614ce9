using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>A staff member who signs in to Indgang.</summary>
public sealed class IndgangUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The department a department worker belongs to; need-to-know follows it.</summary>
    public Guid? DepartmentId { get; set; }
}
