using System.Diagnostics.CodeAnalysis;

namespace Indgang.Domain.Reception;

/// <summary>Which department (by department code) owns each task type.</summary>
public sealed class ResponsibilityMatrix
{
    private readonly Dictionary<TaskType, string> _owners;

    public ResponsibilityMatrix(IReadOnlyDictionary<TaskType, string> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        foreach (var (type, code) in owners)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(code, $"{nameof(owners)}[{type}]");
        }

        _owners = owners.ToDictionary(pair => pair.Key, pair => pair.Value.Trim());
    }

    /// <summary>From the responsibility table in Allerød Kommune's refugee strategy.</summary>
    public static ResponsibilityMatrix Allerød { get; } = new(new Dictionary<TaskType, string>
    {
        [TaskType.CprAndFolkeregister] = "jobberiet",
        [TaskType.GpRegistration] = "jobberiet",
        [TaskType.TaxCard] = "jobberiet",
        [TaskType.BankAccount] = "jobberiet",
        [TaskType.BenefitsInformation] = "jobberiet",
        [TaskType.StartPackage] = "jobberiet",
        [TaskType.HouseRulesIntroduction] = "jobberiet",
        [TaskType.LeaseContract] = "sekretariatet",
        [TaskType.KeyHandover] = "sekretariatet",
        [TaskType.MoveInDefectsList] = "teknik-drift",
        [TaskType.HealthDocumentsConsent] = "aeldre-sundhed",
        [TaskType.SchoolOrDaycareOffer] = "skole-dagtilbud",
        [TaskType.FamilyConsultantOffer] = "boern-familier",
        [TaskType.ChildrenAndFamiliesAssessment] = "boern-familier",
        // The strategy gives Sekretariatet the leases and keys of the temporary units; the end of a lease and the keys
        // handed back are the same work. The inspection goes with the defects list at move-in.
        [TaskType.LeaseTermination] = "sekretariatet",
        [TaskType.KeyReturn] = "sekretariatet",
        [TaskType.MoveOutInspection] = "teknik-drift",
        // Jobberiet coordinates the move into a home and teaches house rules; the permanent home is the association's,
        // so its defects list is the household's to hand in, with Jobberiet's help, not an inspection of ours.
        [TaskType.PermanentHomeDefectsList] = "jobberiet",
        [TaskType.PermanentHomeGuidance] = "jobberiet",
        [TaskType.HousingRegistrationHelp] = "jobberiet",
        [TaskType.PermanentHomeMotivation] = "jobberiet",
    });

    public IReadOnlyDictionary<TaskType, string> Owners => _owners;

    public string DepartmentFor(TaskType type) =>
        _owners.TryGetValue(type, out var code)
            ? code
            : throw new InvalidOperationException($"No department owns {type}; add it to the responsibility matrix.");

    public bool TryGetDepartment(TaskType type, [NotNullWhen(true)] out string? departmentCode) => _owners.TryGetValue(type, out departmentCode);
}
