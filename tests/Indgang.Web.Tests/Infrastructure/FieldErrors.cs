namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// A refusal as a Danish page renders it (DKFDS): the message beside the field whose id is given, and its link in the
/// error summary at the top of the page. What a test expects to read in the HTML.
/// </summary>
public static class FieldErrors
{
    /// <summary>The message beside the field, after the screen reader's »Fejl:«.</summary>
    public static string Beside(string id, string message) =>
        $"<span class=\"form-error-message\" id=\"{id}-error\"><span class=\"sr-only\">Fejl: </span>{message}</span>";

    /// <summary>The message in the error summary, as a link to the field.</summary>
    public static string InTheSummary(string id, string message) =>
        $"<a class=\"function-link\" href=\"#{id}\">{message}</a>";
}
