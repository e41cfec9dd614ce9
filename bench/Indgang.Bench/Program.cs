using Indgang.Bench;

return args.FirstOrDefault() switch
{
    "placement" => PlacementBenchmark.Run(args.Skip(1).ToList()),
    "audit" => AuditInsightBenchmark.Run(args.Skip(1).ToList()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Indgang.Bench placement [--proofs] [--only PREFIX[,PREFIX…]] [--limit SECONDS]");
    Console.Error.WriteLine("  --proofs    also solve M, L and XL with 60 s each, to show how long proving optimality takes");
    Console.Error.WriteLine("  --only      run only instances whose names start so ('replay' for the 52-week replays, 'stability' for the stability check)");
    Console.Error.WriteLine("  --limit     one time limit for every instance instead of the targets' (1 s XS-M, 2 s L-XL)");
    Console.Error.WriteLine("       Indgang.Bench audit [--entries N]");
    Console.Error.WriteLine("  a citizen's insight into their household's entries on an audit log of N entries (default 2,000,000), with and without its index");
    return 2;
}
