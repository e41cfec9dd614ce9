using System.Text.Json;

namespace Indgang.Domain.Plans;

/// <summary>
/// "Min plan" for one person (PLAN-2, PLAN-4). Every save is a new version with author and time;
/// nothing may be planned past the programme maximum, and after the one-year review a plan for a
/// person who is not self-supporting is extended with a reason.
/// </summary>
public sealed class Plan
{
    private readonly List<PlanVersion> _versions = [];

    public Plan(Guid personId) => PersonId = personId;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PersonId { get; private set; }
    public int CurrentVersionNumber { get; private set; }
    public DateOnly? ExtendedOn { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>The longest reason for an extension, as its column holds it: the plan page checks it first.</summary>
    public const int ExtensionReasonLength = 1000;

    /// <summary>
    /// Changes with every saved version of the plan's content: the optimistic-concurrency token of the plan form. Not
    /// with the extension, which the form does not show: a plan extended by another while the form was open is saved
    /// without a conflict (there would be nothing to show beside its fields).
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<PlanVersion> Versions => _versions;

    /// <summary>Dates that break the programme maximum, as (activity title, end or start).</summary>
    public static IReadOnlyList<string> ActivitiesPast(PlanContent content, DateOnly programmeMaximum)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Activities
            .Where(a => a.Start > programmeMaximum || a.End > programmeMaximum)
            .Select(a => a.Title)
            .ToList();
    }

    public PlanVersion Save(PlanContent content, string authorUserId, string authorName, DateTimeOffset at, DateOnly programmeMaximum)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ActivitiesPast(content, programmeMaximum).Count > 0)
        {
            throw new InvalidOperationException("An activity is planned past the programme maximum.");
        }

        CurrentVersionNumber++;
        var version = new PlanVersion(Id, CurrentVersionNumber, authorUserId, authorName, at, PlanVersion.Serialize(content));
        _versions.Add(version);
        Version = Guid.NewGuid();
        return version;
    }

    public void Extend(string reason, DateOnly on)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ExtendedOn = on;
        ExtensionReason = reason.Trim();
    }
}

public sealed class PlanVersion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PlanVersion(Guid planId, int number, string authorUserId, string authorName, DateTimeOffset savedAt, string contentJson)
    {
        PlanId = planId;
        Number = number;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        SavedAt = savedAt;
        ContentJson = contentJson;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public string AuthorUserId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }
    public string ContentJson { get; private set; }

    public PlanContent Content => JsonSerializer.Deserialize<PlanContent>(ContentJson, Json) ?? PlanContent.Empty;

    public static string Serialize(PlanContent content) => JsonSerializer.Serialize(content, Json);
}
