using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Indgang.Web.Identity;

/// <summary>
/// Which user a session is, as a page can hold it and compare it with the keep-alive's answer: an opaque value (a hash
/// of the user's id, a random GUID), the same for one user on every page and in every session, another for another user,
/// and without name or anything else personal. A page whose antiforgery token is refused at the keep-alive asks it, so
/// that it can say another user has signed in in another tab of the browser, not that the session has ended.
/// </summary>
internal static class SessionUserMark
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("indgang:session-user:" + id));
        return WebEncoders.Base64UrlEncode(hash, 0, 16);
    }
}
