namespace Indgang.Web.Features.Housing.Placement;

/// <summary>
/// One run of the placement optimizer, kept so that its suggestions can be shown, accepted or
/// overridden afterwards, and so that runs and decisions can be audited (HOUSE-3).
/// </summary>
public sealed class PlacementRun
{
    public PlacementRun(string createdBy, DateTimeOffset createdAt, DateOnly planningDate, string requestJson, string resultJson)
    {
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        PlanningDate = planningDate;
        RequestJson = requestJson;
        ResultJson = resultJson;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly PlanningDate { get; private set; }

    /// <summary>The selected households, locks and exclusions, as the coordinator chose them.</summary>
    public string RequestJson { get; private set; }

    /// <summary>The optimizer's and the baseline's results with every explanation term.</summary>
    public string ResultJson { get; private set; }
}

public enum PlacementDecisionKind
{
    Accepted = 1,
    Overridden = 2,
}

/// <summary>What the housing coordinator did with one household's suggestion.</summary>
public sealed class PlacementDecision
{
    public PlacementDecision(Guid runId, Guid householdId, Guid unitId, PlacementDecisionKind kind, string? reason, string decidedBy, DateTimeOffset decidedAt)
    {
        RunId = runId;
        HouseholdId = householdId;
        UnitId = unitId;
        Kind = kind;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid RunId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid UnitId { get; private set; }
    public PlacementDecisionKind Kind { get; private set; }
    public string? Reason { get; private set; }
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}

/// <summary>
/// The weights in force: the newest row; every change is a new row (versioned, audited), numbered after the version it
/// was made from. The number is unique: of two saved from the same version at the same moment, the second is refused.
/// </summary>
public sealed class PlacementWeightsVersion
{
    public PlacementWeightsVersion(int versionNumber, string weightsJson, string changedBy, DateTimeOffset changedAt)
    {
        VersionNumber = versionNumber;
        WeightsJson = weightsJson;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    /// <summary>1 for the first change of the default weights, then one more for each.</summary>
    public int VersionNumber { get; private set; }
    public string WeightsJson { get; private set; }
    public string ChangedBy { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
}
