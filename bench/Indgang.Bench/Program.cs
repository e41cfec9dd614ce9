using Indgang.Bench;

return args.FirstOrDefault() switch
{
    "placement" => PlacementBenchmark.Run(args.Skip(1).ToList()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Indgang.Bench placement [--xl-proof] [--only PREFIX[,PREFIX…]] [--limit SECONDS]");
    Console.Error.WriteLine("  --xl-proof  also solve XL with 60 s to prove optimality");
    Console.Error.WriteLine("  --only      run only instances whose names start so ('replay' for the 52-week replays)");
    Console.Error.WriteLine("  --limit     one time limit for every instance instead of the targets' (1 s XS-M, 2 s L-XL)");
    return 2;
}
