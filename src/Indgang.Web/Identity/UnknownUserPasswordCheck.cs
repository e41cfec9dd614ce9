using Microsoft.AspNetCore.Identity;

namespace Indgang.Web.Identity;

/// <summary>
/// A password checked against a hash no user has, for a sign-in whose password is otherwise never checked: a name no user
/// has, or an account locked or disabled. Without it those were refused in a few milliseconds and a wrong password for a
/// real, open account after its hash was checked (tens of milliseconds), so the time of the answer told which user names
/// exist. The hash is made once, by the app's own password hasher, so checking it costs what checking a user's does.
/// </summary>
public sealed class UnknownUserPasswordCheck
{
    private readonly Lock _making = new();
    private string? _hash;

    public void Check(IPasswordHasher<IndgangUser> hasher, string password)
    {
        var nobody = new IndgangUser();
        lock (_making)
        {
            _hash ??= hasher.HashPassword(nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        }

        hasher.VerifyHashedPassword(nobody, _hash, password);
    }
}
