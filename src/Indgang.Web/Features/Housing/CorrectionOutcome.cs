namespace Indgang.Web.Features.Housing;

/// <summary>How a correction went: saved, nothing to change, or refused as another saved first.</summary>
public enum CorrectionOutcome
{
    Saved,

    /// <summary>The correction held what was saved already: nothing changed, nothing written to the audit log as a change.</summary>
    Unchanged,

    /// <summary>Changed by another at the same moment; the record as read holds what is saved now.</summary>
    ChangedByOther,

    /// <summary>Removed by another at the same moment.</summary>
    RemovedByOther,
}
