namespace Indgang.Web.Tests.Infrastructure;

/// <summary>The repository's source files, for tests that check what every view or page is written with.</summary>
internal static class SourceTree
{
    /// <summary>The web project's folder, src/Indgang.Web.</summary>
    public static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Indgang.Web");

    /// <summary>The web project's own .cshtml and .cs files (not bin, obj, node_modules or wwwroot).</summary>
    public static IEnumerable<string> WebSourceFiles()
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
}
