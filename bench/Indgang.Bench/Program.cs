namespace Indgang.Bench;

/// <summary>
/// The benchmarks' entry point. A class of its own in this namespace, not top-level statements: those would make a
/// second global <c>Program</c> beside the web app's, which the app factory (<c>WebApplicationFactory&lt;Program&gt;</c>)
/// names.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "placement" => PlacementBenchmark.Run(args.Skip(1).ToList()),
        "audit" => AuditInsightBenchmark.Run(args.Skip(1).ToList()),
        "pages" => await PagesBenchmark.RunAsync(args.Skip(1).ToList()),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Indgang.Bench placement [--proofs] [--only PREFIX[,PREFIX…]] [--limit SECONDS]");
        Console.Error.WriteLine("  --proofs    also solve M, L and XL with 60 s each, to show how long proving optimality takes");
        Console.Error.WriteLine("  --only      run only instances whose names start so ('replay' for the 52-week replays, 'stability' for the stability check)");
        Console.Error.WriteLine("  --limit     one time limit for every instance instead of the targets' (1 s XS-M, 2 s L-XL)");
        Console.Error.WriteLine("       Indgang.Bench audit [--entries N]");
        Console.Error.WriteLine("  a citizen's insight into their household's entries on an audit log of N entries (default 2,000,000), with and without its index");
        Console.Error.WriteLine("       Indgang.Bench pages [--households N] [--postgres]");
        Console.Error.WriteLine("  the main pages' response times, the app in-process on a SQLite database filled with about five years of N households'");
        Console.Error.WriteLine("  cases (default 1,000) through the app's own services; --postgres: on the PostgreSQL server in INDGANG_TEST_POSTGRES");
        Console.Error.WriteLine("  (run it after `source .ci/postgres.sh`)");
        return 2;
    }
}
