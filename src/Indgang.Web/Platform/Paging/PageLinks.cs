namespace Indgang.Web.Platform.Paging;

/// <summary>
/// What the pagination partial (<c>Features/Shared/_Pagination.cshtml</c>) shows: the pages, and the address of each,
/// which keeps the list's filter; and, where a page has several lists, what tells this list's pages from the others'
/// (<see cref="Of"/>: the list's heading, read as "Sider: …").
/// </summary>
public sealed record PageLinks(Pagination Pages, Func<int, string> AddressOf)
{
    public string? Of { get; init; }
}
