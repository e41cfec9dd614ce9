namespace Indgang.Web.Platform.Paging;

/// <summary>
/// What the pagination partial (<c>Features/Shared/_Pagination.cshtml</c>) shows: the pages, and the address of each,
/// which keeps the list's filter.
/// </summary>
public sealed record PageLinks(Pagination Pages, Func<int, string> AddressOf);
