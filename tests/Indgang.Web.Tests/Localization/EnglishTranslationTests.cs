using System.Text.RegularExpressions;
using System.Xml.Linq;
using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Housing;
using Indgang.Domain.People;
using Indgang.Domain.Plans;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Admin.Responsibilities;
using Indgang.Web.Features.Housing;
using Indgang.Web.Features.Plans;
using Indgang.Web.Features.Reception;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Indgang.Web.Platform.Forms;
using Indgang.Web.Tests.Infrastructure;
using AuditVerify = Indgang.Web.Features.Admin.Audit.VerifyModel;
using HousingIndex = Indgang.Web.Features.Housing.IndexModel;
using WeightsPage = Indgang.Web.Features.Admin.PlacementWeights.IndexModel;

namespace Indgang.Web.Tests.Localization;

/// <summary>
/// English is the second UI language (PLAT-5). The Danish text is the localizer's key, so a key without an entry in
/// SharedResource.en.resx is not an error anywhere: the page just stays Danish for a user who chose English.
/// </summary>
public sealed partial class EnglishTranslationTests
{
    private static readonly string WebProject = SourceTree.WebProject;
    private static readonly IReadOnlyList<(string Name, string Value)> Entries = ReadEntries();
    private static readonly HashSet<string> Translated = Entries.Where(e => e.Value.Length > 0).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void LocalizerKeys_UsedInTheWebSources_HaveAnEnglishEntry() =>
        AssertAllTranslated(from file in SourceFiles()
                            from Match m in LocalizerKey().Matches(File.ReadAllText(file))
                            select (Unescape(m.Groups[1].Value), Relative(file)));

    /// <summary>
    /// The Danish text of a message written as a <see cref="Indgang.Domain.Said"/> (<c>new Said("»{0}« i kolonnen {1} …", value,
    /// column)</c>) is the key it is shown by, whatever letter it starts with; also the amount refusal built of two texts.
    /// </summary>
    [Fact]
    public void SaidTexts_InTheWebSources_HaveAnEnglishEntry()
    {
        var uses = (from file in SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                    from Match m in SaidKey().Matches(File.ReadAllText(file))
                    select (Unescape(m.Groups[1].Value), Relative(file))).ToList();
        Assert.True(uses.Count >= 12, $"Only {uses.Count} texts written as Said found: has Said changed its shape?");
        AssertAllTranslated([.. uses, (UnitCsv.NotKroner, "UnitCsv.NotKroner")]);
    }

    /// <summary>Every text the optimizer writes for a person (its explanations, why a household has no suggestion, the rules a pair breaks).</summary>
    [Fact]
    public void PlacementTexts_HaveAnEnglishEntry()
    {
        var texts = typeof(Indgang.Placement.ExplanationTexts).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!, $"ExplanationTexts.{f.Name}"))
            .ToList();
        Assert.True(texts.Count >= 30, $"Only {texts.Count} placement texts found: has ExplanationTexts changed its shape?");
        AssertAllTranslated(texts);
    }

    /// <summary>Both forms given to <c>T.Count(n, "{0} seng", "{0} senge")</c> are keys.</summary>
    [Fact]
    public void CountedTexts_UsedInTheWebSources_HaveAnEnglishEntry()
    {
        var uses = (from file in SourceFiles()
                    from Match m in CountedKeys().Matches(File.ReadAllText(file))
                    from key in new[] { m.Groups["one"].Value, m.Groups["other"].Value }
                    select (Unescape(key), Relative(file))).ToList();
        Assert.True(uses.Count >= 20, $"Only {uses.Count} counted texts found: has T.Count changed its shape?");
        AssertAllTranslated(uses);
    }

    [Fact]
    public void DataAnnotationsMessages_InTheWebSources_HaveAnEnglishEntry() =>
        AssertAllTranslated(from file in SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                            from Match m in DataAnnotationsText().Matches(File.ReadAllText(file))
                            select (Unescape(m.Groups["text"].Value), Relative(file)));

    /// <summary>Texts the pages pass to the localizer as a value (<c>T[DeadlineTexts.Title(kind)]</c>), for every value.</summary>
    [Fact]
    public void TextsChosenInCode_ShownThroughTheLocalizer_HaveAnEnglishEntry() =>
        AssertAllTranslated(
        [
            .. Enum.GetValues<DeadlineKind>().Select(k => (DeadlineTexts.Title(k), "DeadlineTexts.Title")),
            .. Enum.GetValues<DeadlineStatus>().Select(s => (DeadlineTexts.Status(s), "DeadlineTexts.Status")),
            .. Enum.GetValues<DeadlineAnchor>().Select(a => (DeadlineTexts.Anchor(a), "DeadlineTexts.Anchor")),
            (ArrivalRegistration.PossibleDuplicate, "ArrivalRegistration.PossibleDuplicate"),
            (ArrivalRegistration.PossibleDuplicateViaApi, "ArrivalRegistration.PossibleDuplicateViaApi"),
            .. typeof(Indgang.Web.Features.Api.UnreadableField).GetFields().Where(f => f.IsLiteral).Select(f => ((string)f.GetRawConstantValue()!, "Api.UnreadableField")),
            .. Enum.GetValues<ResidenceBasis>().Select(b => (DeadlineTexts.Basis(b), "DeadlineTexts.Basis")),
            .. Enum.GetValues<PlanChangeKind>().Select(k => (PlanTexts.Change(k), "PlanTexts.Change")),
            .. Enum.GetValues<TaskType>().Select(t => (TaskTexts.Title(t), "TaskTexts.Title")),
            .. Enum.GetValues<Indgang.Domain.Tasks.CaseTaskStatus>().Select(s => (TaskTexts.Status(s), "TaskTexts.Status")),
            .. Enum.GetValues<Indgang.Web.Features.Tasks.QueueView>().Select(v => (Indgang.Web.Features.Tasks.QueueViews.Label(v), "QueueViews.Label")),
            .. Enum.GetValues<RentCapCategory>().Select(c => (Indgang.Web.Features.Admin.RentCaps.IndexModel.CategoryText(c), "RentCaps.IndexModel.CategoryText")),
            .. Enum.GetValues<SiteKind>().Select(k => (HousingIndex.KindText(k), "Housing.IndexModel.KindText")),
            .. MoveOutDestinationField.Choices.Select(c => (c.Text, "MoveOutDestinationField.Choices")),
            .. Enum.GetValues<MoveOutDestination>().Select(d => (MoveOutDestinationField.Told(d)!, "MoveOutDestinationField.Told")),
            .. new[] { PipelineListKind.Underway, PipelineListKind.MovedOn }.Select(k => (k.Heading, "PipelineListKind.Heading")),
            .. Enum.GetValues<AuditAction>().Select(a => (Indgang.Web.Features.Admin.Audit.AuditTexts.Action(a), "Admin.Audit.AuditTexts.Action")),
            .. Indgang.Web.Audit.AuditPurpose.All.Select(p => (p.Text, "Audit.AuditPurpose")),
            .. Enum.GetValues<AuditChainBreakReason>().Select(r => (AuditVerify.ReasonText(r), "Audit.VerifyModel.ReasonText")),
            .. Roles.All.Select(r => (Roles.DisplayName(r), "Roles.DisplayName")),
            (SessionEndWarning.OneHour, "SessionEndWarning.OneHour"),
            (SessionEndWarning.Hours, "SessionEndWarning.Hours"),
            (SessionEndedTexts.IdleOneMinute, "SessionEndedTexts.IdleOneMinute"),
            (SessionEndedTexts.IdleMinutes, "SessionEndedTexts.IdleMinutes"),
            (SessionEndedTexts.MaxOneHour, "SessionEndedTexts.MaxOneHour"),
            (SessionEndedTexts.MaxHours, "SessionEndedTexts.MaxHours"),
            (SessionEndedTexts.TextKept, "SessionEndedTexts.TextKept"),
            (SessionEndedTexts.SignInLink, "SessionEndedTexts.SignInLink"),
            .. WeightsPage.Properties.Select(p => (WeightsPage.Label(p.Name), "PlacementWeights.IndexModel.Label")),
            .. Enum.GetValues<ActivityKind>().Select(k => (PlanTexts.Kind(k), "PlanTexts.Kind")),
            .. Enum.GetValues<ActivityStatus>().Select(s => (PlanTexts.Status(s), "PlanTexts.Status")),
            .. Enum.GetValues<CprParseError>().Append((CprParseError)(-1)).Select(e => (CprMessages.For(e), "CprMessages.For")),
            (ArrivalValidator.ExpectedArrivalMissing, "ArrivalValidator.ExpectedArrivalMissing"),
            (ArrivalValidator.ArrivalBeforeVisitation, "ArrivalValidator.ArrivalBeforeVisitation"),
            (ArrivalValidator.ArrivedInTheFuture, "ArrivalValidator.ArrivedInTheFuture"),
            (ArrivalValidator.InvalidDate, "ArrivalValidator.InvalidDate"),
            (ArrivalValidator.NotAllFamilyReunified, "ArrivalValidator.NotAllFamilyReunified"),
            (ArrivalValidator.JoinsWithoutHome, "ArrivalValidator.JoinsWithoutHome"),
            (ArrivalValidator.TooFarAhead, "ArrivalValidator.TooFarAhead"),
            (ArrivalValidator.HouseholdNameTooLong, "ArrivalValidator.HouseholdNameTooLong"),
            (ArrivalValidator.MadeHouseholdNameTooLong, "ArrivalValidator.MadeHouseholdNameTooLong"),
            (ArrivalValidator.FirstNameTooLong, "ArrivalValidator.FirstNameTooLong"),
            (ArrivalValidator.LastNameTooLong, "ArrivalValidator.LastNameTooLong"),
            (ArrivalValidator.NationalityTooLong, "ArrivalValidator.NationalityTooLong"),
            (ArrivalValidator.LanguagesTooLong, "ArrivalValidator.LanguagesTooLong"),
            (Indgang.Web.Features.Households.RelationAges.ParentYounger, "RelationAges.ParentYounger"),
            (Indgang.Web.Features.Households.RelationAges.CustodianUnderAge, "RelationAges.CustodianUnderAge"),
            (Indgang.Web.Features.Households.RelationAges.SpouseUnderAge, "RelationAges.SpouseUnderAge"),
            (HousingMoves.TakenByOther, "HousingMoves.TakenByOther"),
            (HousingMoves.MovedElsewhereByOther, "HousingMoves.MovedElsewhereByOther"),
            (HousingMoves.TaskChangedByOther, "HousingMoves.TaskChangedByOther"),
            (HousingMoves.LivesWithReferencePerson, "HousingMoves.LivesWithReferencePerson"),
            (HousingMoves.NoMoveInAhead, "HousingMoves.NoMoveInAhead"),
            (HousingMoves.NoSuchStay, "HousingMoves.NoSuchStay"),
            (HousingMoves.FirstPermanentHomeGiven, "HousingMoves.FirstPermanentHomeGiven"),
            (HousingMoves.MoveOutBeforeMoveIn, "HousingMoves.MoveOutBeforeMoveIn"),
            (SharedRoomResidents.GenderUnknown, "SharedRoomResidents.GenderUnknown"),
            (SharedRoomResidents.MenLiveThere, "SharedRoomResidents.MenLiveThere"),
            (SharedRoomResidents.WomenLiveThere, "SharedRoomResidents.WomenLiveThere"),
            .. UnitRefusals().Select(r => (r.Text, "HousingUnit.RefusalFor")),
            (MoveOutDestinationField.DutyFulfilled, "MoveOutDestinationField.DutyFulfilled"),
            (PermanentHousingSteps.AcceptedAnother, "PermanentHousingSteps.AcceptedAnother"),
            (PermanentHousingSteps.AnsweredByOther, "PermanentHousingSteps.AnsweredByOther"),
            (PermanentHousingSteps.MovedOnAlready, "PermanentHousingSteps.MovedOnAlready"),
            (PermanentHousingSteps.HadPermanentHome, "PermanentHousingSteps.HadPermanentHome"),
            (PermanentHousingSteps.LeftOurHousing, "PermanentHousingSteps.LeftOurHousing"),
            (PermanentHousingSteps.LivesWithReferencePerson, "PermanentHousingSteps.LivesWithReferencePerson"),
            (RegistrationEditModel.CorrectedByOtherOnSave, "RegistrationEditModel.CorrectedByOtherOnSave"),
            (RegistrationEditModel.CorrectedByOtherOnRemove, "RegistrationEditModel.CorrectedByOtherOnRemove"),
            (OfferEditModel.Declined, "OfferEditModel.Declined"),
            (OfferEditModel.AcceptedNotRemoved, "OfferEditModel.AcceptedNotRemoved"),
            (OfferEditModel.ChangedByOtherOnSave, "OfferEditModel.ChangedByOtherOnSave"),
            (OfferEditModel.ChangedByOtherOnRemove, "OfferEditModel.ChangedByOtherOnRemove"),
            (Indgang.Web.Features.Housing.Placement.RunModel.DecidedByOther, "RunModel.DecidedByOther"),
            (WeightsPage.SavedByOther, "PlacementWeights.IndexModel.SavedByOther"),
            (Indgang.Web.Features.Admin.RentCaps.IndexModel.SavedByOtherMessage, "RentCaps.IndexModel.SavedByOtherMessage"),
            (Indgang.Web.Features.Admin.RentCaps.IndexModel.CapBelowTheOneBefore, "RentCaps.IndexModel.CapBelowTheOneBefore"),
            (UnitImportModel.ImportedByOther, "UnitImportModel.ImportedByOther"),
            (UnitImportModel.TooLarge, "UnitImportModel.TooLarge"),
            (Indgang.Web.Platform.CsvRows.EmptyFile, "CsvRows.EmptyFile"),
            (UnitEditModel.LabelTaken, "UnitEditModel.LabelTaken"),
            (Indgang.Web.Features.Housing.Sites.SiteInput.NameTaken, "SiteInput.NameTaken"),
            (Kroner.Hint, "Kroner.Hint"),
            (NumberFieldRefusal.WholeNumberNamed, "NumberFieldRefusal.WholeNumberNamed"),
            (NumberFieldRefusal.WholeNumberUnnamed, "NumberFieldRefusal.WholeNumberUnnamed"),
            (NumberFieldRefusal.KronerNamed, "NumberFieldRefusal.KronerNamed"),
            (NumberFieldRefusal.KronerUnnamed, "NumberFieldRefusal.KronerUnnamed"),
            (Indgang.Web.Features.Admin.Organisation.IndexModel.SavedText("kommune")!, "Organisation.IndexModel.SavedText"),
            (Indgang.Web.Features.Admin.Organisation.IndexModel.SavedText("afdeling")!, "Organisation.IndexModel.SavedText"),
            (Indgang.Web.Features.Admin.Organisation.IndexModel.SavedText("by")!, "Organisation.IndexModel.SavedText"),
            (Indgang.Web.Features.Admin.Organisation.OrganisationData.NoMunicipality, "Organisation.OrganisationData.NoMunicipality"),
            (Indgang.Web.Features.Admin.Organisation.MunicipalityModel.SavedByOtherMessage, "Organisation.MunicipalityModel.SavedByOtherMessage"),
            (Indgang.Web.Features.Admin.Organisation.DepartmentModel.NameTaken, "Organisation.DepartmentModel.NameTaken"),
            (Indgang.Web.Features.Admin.Organisation.DepartmentModel.CodeTaken, "Organisation.DepartmentModel.CodeTaken"),
            (Indgang.Web.Features.Admin.Organisation.DepartmentModel.SavedByOtherMessage, "Organisation.DepartmentModel.SavedByOtherMessage"),
            (Indgang.Web.Features.Admin.Organisation.TownModel.NameTaken, "Organisation.TownModel.NameTaken"),
            (Indgang.Web.Features.Admin.Organisation.OrganisationData.SavedAtSameMoment, "Organisation.OrganisationData.SavedAtSameMoment"),
            (Indgang.Web.Features.Admin.Organisation.TownModel.SavedByOtherMessage, "Organisation.TownModel.SavedByOtherMessage"),
            (Indgang.Web.Features.Housing.Placement.PlacementFailedException.UserMessage, "PlacementFailedException.UserMessage"),
            (ErrorSummaryTagHelper.DefaultHeading, "ErrorSummaryTagHelper.DefaultHeading"),
            (Indgang.Web.Features.Notifications.Notices.NewTask, "Notices.NewTask"),
            (Indgang.Web.Features.Notifications.Notices.NewTasks, "Notices.NewTasks"),
            (Indgang.Web.Features.Notifications.Notices.TaskClosed, "Notices.TaskClosed"),
            (Indgang.Web.Features.Notifications.Notices.TasksClosed, "Notices.TasksClosed"),
            (Indgang.Web.Features.Tasks.TaskTitles.NameAndFor, "TaskTitles.NameAndFor"),
            (CprMessages.GenderFollowsCpr, "CprMessages.GenderFollowsCpr"),
            (CprMessages.GenderNotTheCprs, "CprMessages.GenderNotTheCprs"),
            (CprMessages.NumberNotTheGender, "CprMessages.NumberNotTheGender"),
            (Indgang.Web.Features.People.EditModel.SavedByOtherMessage, "People.EditModel.SavedByOtherMessage"),
        ]);

    /// <summary>Each refusal a unit gives (<see cref="HousingUnit.RefusalFor"/>), with a place for what differs.</summary>
    private static IEnumerable<Indgang.Domain.Said> UnitRefusals()
    {
        var day = new DateOnly(2027, 1, 1);
        HousingUnit Unit(int beds, Action<HousingUnit>? change = null)
        {
            var unit = new HousingUnit(Guid.NewGuid(), "Oversat 1", rooms: 1, beds: beds, monthlyRent: 3000m) { AvailableFrom = day };
            change?.Invoke(unit);
            return unit;
        }

        Indgang.Domain.Said?[] refusals =
        [
            Unit(2, u => u.InVulnerableArea = true).RefusalFor(1, isSingleAdult: true, day),
            Unit(2, u => u.Block("Vandskade")).RefusalFor(1, isSingleAdult: true, day),
            Unit(2).RefusalFor(1, isSingleAdult: true, day.AddDays(-1)),
            Unit(2, u => u.IsSharedRoom = true).RefusalFor(2, isSingleAdult: false, day),
            Unit(2, u => u.MoveIn(1)).RefusalFor(1, isSingleAdult: true, day),
            Unit(1, u => { u.IsSharedRoom = true; u.MoveIn(1); }).RefusalFor(1, isSingleAdult: true, day),
            Unit(1).RefusalFor(2, isSingleAdult: false, day),
            Unit(2).RefusalFor(3, isSingleAdult: false, day),
        ];
        Assert.All(refusals, Assert.NotNull);
        return refusals.Select(r => r!);
    }

    /// <summary>
    /// The form's tag helpers show every error through the localizer, so a fixed message needs an entry wherever it is
    /// written: given to AddModelError or to an edit conflict (ShowSavedByOther), put in an error dictionary (ArrivalErrors, UnitInput.Validate) or a CSV row
    /// error, given to a page's date check or to MoveResult.Refused, an Identity message, or returned as the reason a
    /// move is refused. A message written with values in it (<c>$"…"</c>) is no key: it is shown as it is, in Danish.
    /// </summary>
    [Fact]
    public void FormErrors_WrittenInTheSources_HaveAnEnglishEntry() =>
        AssertAllTranslated(
        [
            .. from file in SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
               from Match m in ErrorSink().Matches(File.ReadAllText(file))
               from message in Messages(m.Groups["args"].Value)
               select (message, Relative(file)),
            .. from file in RefusalSources
               from Match m in ReturnStatement().Matches(File.ReadAllText(file))
               from message in Messages(m.Groups["args"].Value)
               select (message, Relative(file)),
        ]);

    /// <summary>Drop-down options and menu items written in code, which the select tag helper and the page frame localize.</summary>
    [Fact]
    public void OptionAndMenuTexts_WrittenInCode_HaveAnEnglishEntry() =>
        AssertAllTranslated(from file in SourceFiles().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                            from Match m in OptionOrMenuItem().Matches(File.ReadAllText(file))
                            select (Unescape(m.Groups["text"].Value), Relative(file)));

    /// <summary>
    /// The resx compiler takes names without regard to case and drops the second (warning MSB3568), while the lookup
    /// is case-sensitive: of "Skole" and "skole" one would show Danish. A lower-case word takes its neighbouring text
    /// into the key instead (<c>T["skole {0} m", metres]</c>).
    /// </summary>
    [Fact]
    public void EnglishEntries_NoTwoNamesDifferOnlyInCase()
    {
        var clashes = Entries.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(e => $"\"{e.Name}\"")))
            .ToList();
        Assert.True(clashes.Count == 0, $"Names that differ only in case:{Environment.NewLine}{string.Join(Environment.NewLine, clashes)}");
    }

    private static void AssertAllTranslated(IEnumerable<(string Key, string Where)> uses)
    {
        var missing = uses
            .Where(u => !Translated.Contains(u.Key))
            .GroupBy(u => u.Key, StringComparer.Ordinal)
            .Select(g => $"  \"{g.Key}\" ({string.Join(", ", g.Select(u => u.Where).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} Danish text(s) have no English entry in Resources/SharedResource.en.resx:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    private static List<(string Name, string Value)> ReadEntries() =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (d.Element("value")?.Value ?? "").Trim()))
            .ToList();

    private static IEnumerable<string> SourceFiles() => SourceTree.WebSourceFiles();

    /// <summary>The files whose methods return why a move is refused, shown beside the field.</summary>
    private static string[] RefusalSources =>
    [
        Path.Combine(WebProject, "..", "Indgang.Domain", "Housing", "HousingUnit.cs"),
        Path.Combine(WebProject, "Features", "Housing", "HousingMoves.cs"),
        Path.Combine(WebProject, "Features", "Housing", "SharedRoomResidents.cs"),
    ];

    /// <summary>
    /// The plain string literals in a piece of code that read as a message: a capital letter first and a space in
    /// them. Field keys ("Input.Password") have no space; an interpolated string is skipped, and the rule keeps out
    /// the pieces of one whose holes hold quotes.
    /// </summary>
    private static IEnumerable<string> Messages(string code) =>
        from Match m in StringLiteral().Matches(code)
        where m.Groups["prefix"].Length == 0
        let text = Unescape(m.Groups["text"].Value)
        where text.Length > 0 && char.IsUpper(text[0]) && text.Contains(' ', StringComparison.Ordinal)
        select text;

    private static string Relative(string file) => Path.GetRelativePath(WebProject, file).Replace('\\', '/');

    private static string Unescape(string literal) =>
        literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>A literal key given to the shared localizer: <c>T["Dansk tekst"]</c>, also <c>T["… {0}", value]</c>.</summary>
    [GeneratedRegex(@"\b(?:T|localizer|texts)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    /// <summary>The Danish text of a message made as a Said: <c>new Said("…"</c>.</summary>
    [GeneratedRegex(@"\bnew Said\(""((?:[^""\\]|\\.)*)""")]
    private static partial Regex SaidKey();

    /// <summary>A DataAnnotations message or display name, which AddDataAnnotationsLocalization looks up in SharedResource.</summary>
    [GeneratedRegex(@"\b(?:T|localizer|texts)\.Count\([^;]*?,\s*""(?<one>(?:[^""\\]|\\.)*)"",\s*""(?<other>(?:[^""\\]|\\.)*)""\)")]
    private static partial Regex CountedKeys();

    [GeneratedRegex(@"(?:\bErrorMessage|\[Display\([^\]]*?\bName)\s*=\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex DataAnnotationsText();

    /// <summary>A call that puts its message into a form's errors, up to its end (<c>AddModelError(key, "…");</c>), or an error dictionary's entry.</summary>
    [GeneratedRegex(@"\b(?:(?:Try)?AddModelError|ShowSavedByOther|ShowDeletedByOther|Refused|RequireDate|CheckSigningDate|CsvRowError|errors\.Add|Error\(nameof)\((?<args>.*?)\);|\berrors\[[^\]]+\]\s*=\s*(?<args>[^;]*);", RegexOptions.Singleline)]
    private static partial Regex ErrorSink();

    [GeneratedRegex(@"\breturn\b(?<args>[^;]*);")]
    private static partial Regex ReturnStatement();

    /// <summary>A C# string literal; <c>prefix</c> is <c>$</c> or <c>@</c> for an interpolated or verbatim one.</summary>
    [GeneratedRegex(@"(?<prefix>\$+@?|@\$*)?""(?<text>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    /// <summary>
    /// An option with an empty value (<c>new("Vælg", "")</c>) or an enum member's name as its value, or a menu item
    /// with a path (<c>new("Boliger", "/Housing")</c>).
    /// </summary>
    [GeneratedRegex(@"\bnew(?: SelectListItem| NavigationItem)?\(""(?<text>(?:[^""\\]|\\.)*)"",\s*(?:""""|nameof\(|""/)")]
    private static partial Regex OptionOrMenuItem();
}
