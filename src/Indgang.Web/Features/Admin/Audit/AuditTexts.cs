using Indgang.Domain.Audit;

namespace Indgang.Web.Features.Admin.Audit;

/// <summary>
/// What an audit action is called on the audit log's page, in Danish (the localizer's key; English through it): an
/// administrator answering a citizen's request for insight reads "Husstand set", not the code's name. The export keeps
/// the code and its stable name (<see cref="AuditAction"/>) for the programs that read it.
/// </summary>
public static class AuditTexts
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.SignInSucceeded => "Logget ind",
        AuditAction.SignInFailed => "Login afvist",
        AuditAction.LockedOut => "Spærret efter for mange forsøg",
        AuditAction.SignedOut => "Logget ud",
        AuditAction.UserCreated => "Bruger oprettet",
        AuditAction.PasswordReset => "Adgangskode nulstillet",
        AuditAction.RolesChanged => "Roller ændret",
        AuditAction.DepartmentChanged => "Afdeling ændret",
        AuditAction.UserUnlocked => "Bruger låst op",
        AuditAction.UserDisabled => "Bruger deaktiveret",
        AuditAction.UserEnabled => "Bruger aktiveret igen",
        AuditAction.PersonRead => "Borger set",
        AuditAction.PersonCreated => "Borger oprettet",
        AuditAction.PersonUpdated => "Borger ændret",
        AuditAction.CprRevealed => "CPR-nummer vist",
        AuditAction.CprRecorded => "CPR-nummer registreret",
        AuditAction.HouseholdRead => "Husstand set",
        AuditAction.HouseholdCreated => "Husstand oprettet",
        AuditAction.HouseholdUpdated => "Husstand ændret",
        AuditAction.CoordinatorReassigned => "Koordinator skiftet",
        AuditAction.ArrivalChanged => "Ankomst ændret",
        AuditAction.LivesWithReferencePersonChanged => "Bolig hos den herboende ændret",
        AuditAction.FamilyToJoinChanged => "Familie på vej ændret",
        AuditAction.RelationChanged => "Relation ændret",
        AuditAction.TaskTaken => "Opgave taget",
        AuditAction.TaskCompleted => "Opgave løst",
        AuditAction.TaskClosedAsNotNeeded => "Opgave lukket som ikke nødvendig",
        AuditAction.TaskReopened => "Opgave åbnet igen",
        AuditAction.TaskReleased => "Opgave lagt tilbage",
        AuditAction.ContractSigned => "Integrationskontrakt underskrevet",
        AuditAction.PlanSaved => "Plan gemt",
        AuditAction.PlanExtended => "Plan forlænget",
        AuditAction.PlanPrinted => "Plan udskrevet",
        AuditAction.JournalNoteWritten => "Journalnotat skrevet",
        AuditAction.Day0Overridden => "Dag 0 ændret",
        AuditAction.DeadlineMet => "Frist opfyldt",
        AuditAction.DeadlineMetRemoved => "Frist ikke længere opfyldt (markering fjernet)",
        AuditAction.MemberAdded => "Medlem tilføjet",
        AuditAction.HousingUnitChanged => "Bolig ændret",
        AuditAction.MovedIn => "Flyttet ind",
        AuditAction.MovedOut => "Flyttet ud",
        AuditAction.HousingSiteChanged => "Boligsted ændret",
        AuditAction.MoveInCalledOff => "Indflytning aflyst",
        AuditAction.PlacementRun => "Boligplacering kørt",
        AuditAction.PlacementAccepted => "Boligforslag godkendt",
        AuditAction.PlacementOverridden => "Boligforslag tilsidesat",
        AuditAction.PlacementWeightsChanged => "Vægte for boligplacering ændret",
        AuditAction.LocalTargetChanged => "Lokalt mål ændret",
        AuditAction.ResponsibilityChanged => "Ansvarsfordeling ændret",
        AuditAction.RentCapsChanged => "Huslejelofter ændret",
        AuditAction.OrganisationChanged => "Organisation ændret",
        AuditAction.QuotaChanged => "Kvote ændret",
        AuditAction.AuditLogSearched => "Søgning i revisionsloggen",
        AuditAction.AuditLogExported => "Revisionsloggen eksporteret",
        AuditAction.AuditChainVerified => "Revisionsloggen kontrolleret",
        AuditAction.DemoDataSeeded => "Demodata indlæst",
        _ => action.ToString(),
    };
}
