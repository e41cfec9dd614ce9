using System.Data.Common;
using System.Security.Claims;
using Indgang.Web.Data;
using Indgang.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Platform;

/// <summary>A menu item; <see cref="Text"/> is the localizer's Danish key, a format key when <see cref="Count"/> is given.</summary>
internal sealed record NavigationItem(string Text, string Href, int? Count = null);

/// <summary>The page frame's facts; <see cref="RoleNames"/> are the roles' Danish names, the localizer's keys.</summary>
internal sealed record Shell(string MunicipalityName, bool IsSignedIn, string DisplayName, IReadOnlyList<string> RoleNames, IReadOnlyList<NavigationItem> Navigation);

/// <summary>
/// What the page frame shows: the municipality, the signed-in user and the navigation for their roles. With the database
/// down, the neutral name (<see cref="NeutralName"/>), the user's user name and the menu without the unread count.
/// </summary>
internal sealed partial class ShellInfo(IndgangDbContext db, TimeProvider clock, ILogger<ShellInfo> logger)
{
    /// <summary>The name the frame shows when the municipality's cannot be read (or is not set up yet).</summary>
    public const string NeutralName = "Indgang";

    public async Task<Shell> ForAsync(ClaimsPrincipal user)
    {
        var municipality = NeutralName;
        string? displayName = null;
        var unread = 0;
        // What the frame reads from the database, none of which it needs: the error page (its frame reads these) must show
        // while the database is down, or the user got an empty 500 without a word or a reference. Said in one warning
        // line, without the stack trace the request's own error has.
        try
        {
            municipality = await db.MunicipalityNameAsync() ?? NeutralName;
            if (user.Identity?.IsAuthenticated == true)
            {
                var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
                var signedIn = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.NotificationsSeenAt }).FirstOrDefaultAsync();
                displayName = signedIn?.DisplayName;
                unread = await Features.Notifications.IndexModel.UnreadAsync(db, user, signedIn?.NotificationsSeenAt, clock.GetUtcNow());
            }
        }
        catch (Exception error) when (error is DbException || error.InnerException is DbException)
        {
            LogDatabaseUnread(logger, error.GetType().Name, (error.InnerException ?? error).Message);
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return new Shell(municipality, false, "", [], []);
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The page frame shows no municipality's name, nor the user's name or unread notifications: the database could not be read ({Error}: {Reason})")]
    private static partial void LogDatabaseUnread(ILogger logger, string error, string reason);
}
