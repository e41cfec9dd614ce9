using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Api;

/// <summary>
/// The page of a list a client asks a list endpoint for: <c>page</c> (1-based, default 1) and <c>pageSize</c> (default
/// <see cref="DefaultSize"/>, at most <see cref="MaxSize"/>), counted and cut to the page in the database, so that a list
/// grown over years of cases costs what one page costs. A value that is no whole number in range is refused under its
/// name (400), never taken as the default: the client would get other rows than it asked for. A page past the last is
/// empty (200), not the last page: a client that walks the pages stops at the first empty one instead of reading the
/// last one again.
/// </summary>
internal sealed record ApiPage(int Number, int Size)
{
    public const string PageParameter = "page";
    public const string SizeParameter = "pageSize";
    public const int DefaultSize = 100;
    public const int MaxSize = 500;

    /// <summary>The header that tells how many rows the list has on all its pages.</summary>
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>For the endpoints' <c>[Description]</c> of <c>page</c>.</summary>
    public const string PageDescription = "The page, 1-based (default 1). A page past the last is an empty list.";

    /// <summary>For the endpoints' <c>[Description]</c> of <c>pageSize</c>.</summary>
    public const string SizeDescription = "Rows a page, 1 to 500 (default 100). X-Total-Count and Link (first, prev, next, last) tell the rest.";

    /// <summary>How many rows the pages before this one hold: what the query skips (no more than the database can count).</summary>
    public int RowsBefore => (int)Math.Min((long)(Number - 1) * Size, int.MaxValue);

    /// <summary>
    /// The page the query string asks for; null with each value that cannot be read put in <paramref name="errors"/>
    /// under its parameter's name. A parameter left out, or left empty, is its default.
    /// </summary>
    public static ApiPage? Read(string? page, string? pageSize, IDictionary<string, string[]> errors, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(T);
        var number = WholeNumber(page, 1, int.MaxValue);
        var size = WholeNumber(pageSize, DefaultSize, MaxSize);
        if (number is null)
        {
            errors[PageParameter] = [T["Angiv siden som et helt tal fra 1."]];
        }

        if (size is null)
        {
            errors[SizeParameter] = [T["Angiv antal pr. side som et helt tal fra 1 til {0}.", MaxSize]];
        }

        return number is { } n && size is { } s ? new ApiPage(n, s) : null;
    }

    /// <summary>Whether a problem's field is one of the paging parameters.</summary>
    public static bool IsParameter(string field) => field is PageParameter or SizeParameter;

    /// <summary>The refusal of paging parameters that cannot be read, as problem details (RFC 9457).</summary>
    public static ValidationProblem Refused(IDictionary<string, string[]> errors, IStringLocalizer T) =>
        TypedResults.ValidationProblem(errors, detail: T["Siden kan ikke læses: ret de nævnte parametre."], title: T["Ugyldig side"]);

    /// <summary>
    /// This page of <paramref name="ordered"/>, which must be in an order that ties no two rows (a name, then the id), and
    /// how many rows there are in all: both read by the database.
    /// </summary>
    public async Task<(List<T> Rows, int TotalCount)> TakeAsync<T>(IQueryable<T> ordered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var total = await ordered.CountAsync(cancellationToken);
        var rows = RowsBefore >= total ? [] : await ordered.Skip(RowsBefore).Take(Size).ToListAsync(cancellationToken);
        return (rows, total);
    }

    private static int? WholeNumber(string? text, int absent, int max) =>
        string.IsNullOrWhiteSpace(text) ? absent
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value
        : null;
}
