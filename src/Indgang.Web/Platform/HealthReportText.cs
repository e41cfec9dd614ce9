using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indgang.Web.Platform;

/// <summary>
/// The answer of /health/ready: the status as ASP.NET Core writes it ("Healthy", "Degraded", "Unhealthy"), alone when
/// healthy; otherwise followed by a line for each check that is not, with the reason the check gave (the audit anchors'),
/// so monitoring shows why. A reason that is only an exception's message (a database that does not answer) is not
/// written to this anonymous address: the log has it.
/// </summary>
internal static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Exception is null ? entry.Description ?? entry.Status.ToString() : entry.Status.ToString());
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
