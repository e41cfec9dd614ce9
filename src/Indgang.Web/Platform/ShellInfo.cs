using System.Security.Claims;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Platform;

/// <summary>A menu item; <see cref="Text"/> is the localizer's Danish key, a format key when <see cref="Count"/> is given.</summary>
internal sealed record NavigationItem(string Text, string Href, int? Count = null);

/// <summary>The page frame's facts; <see cref="RoleNames"/> are the roles' Danish names, the localizer's keys.</summary>
internal sealed record Shell(string MunicipalityName, bool IsSignedIn, string DisplayName, IReadOnlyList<string> RoleNames, IReadOnlyList<NavigationItem> Navigation);

/// <summary>What the page frame shows: the municipality, the signed-in user and the navigation for their roles.</summary>
internal sealed class ShellInfo(IndgangDbContext db, TimeProvider clock)
{
    public async Task<Shell> ForAsync(ClaimsPrincipal user)
    {
        var municipality = await db.MunicipalityNameAsync() ?? "Indgang";
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Shell(municipality, false, "", [], []);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var signedIn = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.NotificationsSeenAt }).FirstOrDefaultAsync();
        var displayName = signedIn?.DisplayName;
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var navigation = new List<NavigationItem> { new("Forside", "/") };
        if (user.IsInRole(Roles.Coordinator))
        {
            navigation.Add(new("Registrér ankomst", "/Reception/Register"));
        }

        if (user.IsInRole(Roles.HousingCoordinator))
        {
            navigation.Add(new("Boliger", "/Housing"));
        }
        else if (user.IsInRole(Roles.Manager))
        {
            // Managers see aggregates only: of housing, the capacity forecast (the pavilion decision).
            navigation.Add(new("Kapacitetsprognose", PagesSetup.ForecastPage));
        }

        if (Roles.WorksTasks(user))
        {
            navigation.Add(new("Opgaver", "/Tasks"));
        }

        var unread = await Features.Notifications.IndexModel.UnreadAsync(db, user, signedIn?.NotificationsSeenAt, clock.GetUtcNow());
        navigation.Add(unread > 0 ? new("Notifikationer ({0})", "/Notifications", unread) : new("Notifikationer", "/Notifications"));
        if (user.IsInRole(Roles.Administrator))
        {
            navigation.Add(new("Organisation", "/Admin/Organisation"));
            navigation.Add(new("Brugere", "/Admin/Users"));
            navigation.Add(new("Revisionslog", "/Admin/Audit"));
            navigation.Add(new("Regelsæt", "/Admin/RuleSets"));
            navigation.Add(new("Ansvarsfordeling", "/Admin/Responsibilities"));
            navigation.Add(new("Placeringsvægte", "/Admin/PlacementWeights"));
            navigation.Add(new("Huslejelofter", "/Admin/RentCaps"));
        }

        return new Shell(
            municipality,
            true,
            string.IsNullOrWhiteSpace(displayName) ? user.Identity.Name ?? "" : displayName,
            roles.Select(Roles.DisplayName).ToList(),
            navigation);
    }
}
