using System.Net;
using Indgang.Web.Tests.Infrastructure;

namespace Indgang.Web.Tests.Account;

/// <summary>
/// Signing out ends the session itself: a copy of the cookie taken before sign-out (on a shared PC, or leaked) is refused
/// afterwards, and so is the user's session in another browser. Before, sign-out only cleared the browser's cookie, and a
/// copy kept working for its eight hours (found by the operator's review).
/// </summary>
public sealed class SignOutEndsSessionTests(SignInCheckedEachRequestAppFactory factory) : IClassFixture<SignInCheckedEachRequestAppFactory>
{
    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        using var signedIn = await Browser.SignedInAsync(factory, "koordinator");
        using var other = await Browser.SignedInAsync(factory, "koordinator");
        using (var before = await other.GetAsync("/Reception/Register"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await signedIn.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/");
        using var after = await other.GetAsync("/Reception/Register");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/Account/Login", after.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignedInAgainAfterSignOut_Works()
    {
        using (var first = await Browser.SignedInAsync(factory, "bolig"))
        {
            using var signOut = await first.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/");
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var again = await Browser.SignedInAsync(factory, "bolig");
        using var page = await again.GetAsync("/Housing");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
