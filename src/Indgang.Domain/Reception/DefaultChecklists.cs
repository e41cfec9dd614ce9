namespace Indgang.Domain.Reception;

/// <summary>
/// The default arrival checklists. The offsets are defaults that an administrator will be able to
/// change; they are set so that what a payment or a school place depends on (CPR number, bank
/// account) comes first.
/// </summary>
internal static class DefaultChecklists
{
    public static IReadOnlyDictionary<HouseholdType, IReadOnlyList<ChecklistItem>> ByHouseholdType { get; } =
        new Dictionary<HouseholdType, IReadOnlyList<ChecklistItem>>
        {
            [HouseholdType.SingleAdult] = Everyone(TaskScope.EachAdult),
            [HouseholdType.AdultsWithoutChildren] = Everyone(TaskScope.EachAdult),
            [HouseholdType.FamilyWithChildren] = [.. Everyone(TaskScope.EachAdult), SchoolOrDaycare, FamilyConsultant],
            [HouseholdType.FamilyReunifiedJoining] = [.. Everyone(TaskScope.EachAdult), SchoolOrDaycare],
            // Every member of such a household is a minor, so the personal items go to each member.
            [HouseholdType.UnaccompaniedMinor] = [.. Everyone(TaskScope.EachMember), SchoolOrDaycare, ChildrenAndFamiliesAssessment],
        };

    private static ChecklistItem SchoolOrDaycare =>
        new(TaskType.SchoolOrDaycareOffer, TaskAnchor.Arrival, 14, TaskScope.EachChild, "Tilbud om skole eller dagtilbud");

    private static ChecklistItem FamilyConsultant =>
        new(TaskType.FamilyConsultantOffer, TaskAnchor.Arrival, 30, TaskScope.Household, "Tilbud om familiekonsulent");

    private static ChecklistItem ChildrenAndFamiliesAssessment =>
        new(TaskType.ChildrenAndFamiliesAssessment, TaskAnchor.Arrival, 14, TaskScope.EachChild, "Vurdering ved Børn og Familier");

    /// <param name="personalScope">Who gets the personal economy items (tax card, bank account, benefits information).</param>
    private static ChecklistItem[] Everyone(TaskScope personalScope) =>
    [
        new(TaskType.LeaseContract, TaskAnchor.Arrival, 0, TaskScope.Household, "Lejekontrakt"),
        new(TaskType.KeyHandover, TaskAnchor.Arrival, 0, TaskScope.Household, "Nøgleoverdragelse"),
        new(TaskType.StartPackage, TaskAnchor.Arrival, 0, TaskScope.Household, "Startpakke"),
        new(TaskType.CprAndFolkeregister, TaskAnchor.Arrival, 5, TaskScope.Household, "Registrering i CPR og folkeregister"),
        new(TaskType.HouseRulesIntroduction, TaskAnchor.Arrival, 7, TaskScope.Household, "Introduktion til husorden, affaldssortering og energi"),
        new(TaskType.GpRegistration, TaskAnchor.Arrival, 10, TaskScope.Household, "Tilmelding til egen læge"),
        new(TaskType.MoveInDefectsList, TaskAnchor.Arrival, 14, TaskScope.Household, "Fejl- og mangelliste ved indflytning"),
        // Consent to share health data is personal (§ 15 d); a custodian gives it for a child.
        new(TaskType.HealthDocumentsConsent, TaskAnchor.Arrival, 14, TaskScope.EachMember, "Samtykke til indhentning af helbredsoplysninger fra asylcentret"),
        new(TaskType.TaxCard, TaskAnchor.Arrival, 14, personalScope, "Skattekort"),
        new(TaskType.BankAccount, TaskAnchor.Arrival, 14, personalScope, "Bankkonto og NemKonto"),
        // The municipality pays from day 0, so the person must know about benefits by then.
        new(TaskType.BenefitsInformation, TaskAnchor.Day0, 0, personalScope, "Information om ydelser"),
    ];
}
