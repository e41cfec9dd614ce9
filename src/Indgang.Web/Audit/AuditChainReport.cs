using Indgang.Domain.Audit;

namespace Indgang.Web.Audit;

/// <summary>
/// What the operator reads of a break of the audit chain, in the same words wherever it is found: by
/// <c>--verify-audit</c>, and at start and at every anchor pass, where the table's end is held to the newest anchor
/// (<see cref="AuditAnchors.HoldTableToLatestAsync"/>) and the finding goes to the log and to /health/ready.
/// </summary>
internal static class AuditChainReport
{
    /// <summary>The first line <c>--verify-audit</c> prints.</summary>
    public static string Describe(AuditVerification result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.FirstBreak switch
        {
            null => $"Audit log intact: {result.RowsChecked} rows checked ({result.KeyedRows} keyed, {result.PlainRows} unkeyed from before the key).",
            { AnchoredSequence: not null } missing => $"Audit log BROKEN: {MissingAfterAnchor(missing)}.",
            var broken => $"Audit log BROKEN at sequence {broken.Sequence} ({broken.Reason}); {result.RowsChecked} rows before it are intact.",
        };
    }

    /// <summary>The table's end as the newest anchor finds it, and what to do; the check says which rows.</summary>
    public static string BehindAnchor(AuditChainBreak broken, string anchorFile)
    {
        ArgumentNullException.ThrowIfNull(broken);
        var found = broken.AnchoredSequence is not null
            ? $"The audit log is behind its newest anchor in {anchorFile}: {MissingAfterAnchor(broken)}."
            : $"The audit log differs from its newest anchor in {anchorFile}: the row at sequence {broken.Sequence} has another hash than the anchor recorded ({broken.Reason}).";
        return found + " If the database was restored from a backup, move that anchor file aside (keep it with the incident's records), " +
            "as the README's Backup and restore says; the next start or anchor pass then finds the log in order. " +
            "Otherwise rows were cut from the end of the log or changed: check it with --verify-audit.";
    }

    private static string MissingAfterAnchor(AuditChainBreak broken) =>
        $"entries missing after sequence {broken.Sequence} (the anchor shows {broken.AnchoredSequence})";
}
