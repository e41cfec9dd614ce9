using System.Globalization;
using Indgang.Web.Platform.Paging;

namespace Indgang.Web.Features.Dashboard;

/// <summary>
/// A list on the coordinator's overview that can grow with her households (arrivals to confirm, what is due, what is
/// late, who we wait for):
/// its section's id (a page link leads back to it), its heading, and the name its page goes by in the address.
/// </summary>
public sealed record DashboardListKind(string Section, string Heading, string PageName)
{
    public static DashboardListKind ArrivalsToConfirm { get; } = new("arrivals-to-confirm", "Ankomster, der skal bekræftes", "AnkomsterSide");

    public static DashboardListKind DueSoon { get; } = new("due-soon", "Frister de næste 14 dage", "FristerSide");

    public static DashboardListKind OverdueDeadlines { get; } = new("overdue-deadlines", "Overskredne frister", "OverskredneFristerSide");

    public static DashboardListKind OverdueTasks { get; } = new("overdue-tasks", "Overskredne opgaver", "OverskredneOpgaverSide");

    public static DashboardListKind WaitingOnOthers { get; } = new("waiting", "Venter på andre afdelinger", "VenterSide");

    public static IReadOnlyList<DashboardListKind> Every { get; } = [ArrivalsToConfirm, DueSoon, OverdueDeadlines, OverdueTasks, WaitingOnOthers];
}

/// <summary>
/// One page of a list on the coordinator's overview, the most urgent first: <see cref="DashboardListPage.PageSize"/> rows,
/// so that the overview stays an overview (and the page small) when a coordinator has hundreds of households; the rest a
/// page link away.
/// </summary>
public sealed record DashboardListPage<T>(IReadOnlyList<T> Rows, Pagination Pages, DashboardListKind Kind, StartPageAddress Address)
{
    public string AddressOf(int page) => Address.With(Kind.Section, new Dictionary<string, string?> { [Kind.PageName] = page.ToString(CultureInfo.InvariantCulture) });

    public PageLinks Links => new(Pages, AddressOf) { Of = Kind.Heading };
}

public static class DashboardListPage
{
    public const int PageSize = 25;

    /// <summary>The page of <paramref name="all"/> (in the order shown) the address asks for, or the nearest that exists.</summary>
    public static DashboardListPage<T> Of<T>(IReadOnlyList<T> all, DashboardListKind kind, StartPageAddress address)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(address);
        var pages = Pagination.Of(address.Value(kind.PageName), PageSize, all.Count);
        return new([.. all.Skip(pages.RowsBefore).Take(pages.PageSize)], pages, kind, address);
    }
}
