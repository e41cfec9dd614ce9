using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Indgang.Web.Identity;

public static class IndgangClaims
{
    /// <summary>The signed-in user's department id, so need-to-know checks need no extra look-up.</summary>
    public const string Department = "indgang:department";
}

/// <summary>Adds the department claim to the sign-in cookie.</summary>
internal sealed class IndgangClaimsFactory(UserManager<IndgangUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<IndgangUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(IndgangUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(IndgangClaims.Department, department.ToString()));
        }

        return identity;
    }
}
