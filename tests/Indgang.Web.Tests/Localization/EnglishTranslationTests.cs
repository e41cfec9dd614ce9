using System.Text.RegularExpressions;
using System.Xml.Linq;
using Indgang.Domain.Audit;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Housing;
using Indgang.Domain.Plans;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Admin.Responsibilities;
using Indgang.Web.Features.Plans;
using Indgang.Web.Features.Reception;
using Indgang.Web.Identity;
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
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Indgang.Web");
    private static readonly IReadOnlyList<(string Name, string Value)> Entries = ReadEntries();
    private static readonly HashSet<string> Translated = Entries.Where(e => e.Value.Length > 0).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void LocalizerKeys_UsedInTheWebSources_HaveAnEnglishEntry() =>
        AssertAllTranslated(from file in SourceFiles()
                            from Match m in LocalizerKey().Matches(File.ReadAllText(file))
                            select (Unescape(m.Groups[1].Value), Relative(file)));

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
            .. Enum.GetValues<ResidenceBasis>().Select(b => (DeadlineTexts.Basis(b), "DeadlineTexts.Basis")),
            .. Enum.GetValues<PlanChangeKind>().Select(k => (PlanTexts.Change(k), "PlanTexts.Change")),
            .. Enum.GetValues<TaskType>().Select(t => (TaskTexts.Title(t), "TaskTexts.Title")),
            .. Enum.GetValues<SiteKind>().Select(k => (HousingIndex.KindText(k), "Housing.IndexModel.KindText")),
            .. Enum.GetValues<AuditChainBreakReason>().Select(r => (AuditVerify.ReasonText(r), "Audit.VerifyModel.ReasonText")),
            .. Roles.All.Select(r => (Roles.DisplayName(r), "Roles.DisplayName")),
            .. WeightsPage.Properties.Select(p => (WeightsPage.Label(p.Name), "PlacementWeights.IndexModel.Label")),
        ]);

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

    private static IEnumerable<string> SourceFiles()
    {
        string[] skipped = ["bin", "obj", "node_modules", "wwwroot"];
        return Directory.EnumerateFiles(WebProject, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(WebProject, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains));
    }

    /// <summary>The folder holding Indgang.slnx, found from where the tests run (tests/…/bin/…), wherever the repository is.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Indgang.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Indgang.slnx in {AppContext.BaseDirectory} or any folder above it.");
    }

    private static string Relative(string file) => Path.GetRelativePath(WebProject, file).Replace('\\', '/');

    private static string Unescape(string literal) =>
        literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>A literal key given to the shared localizer: <c>T["Dansk tekst"]</c>, also <c>T["… {0}", value]</c>.</summary>
    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerKey();

    /// <summary>A DataAnnotations message or display name, which AddDataAnnotationsLocalization looks up in SharedResource.</summary>
    [GeneratedRegex(@"(?:\bErrorMessage|\[Display\([^\]]*?\bName)\s*=\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex DataAnnotationsText();
}
