using Indgang.Bench;

return args.FirstOrDefault() switch
{
    "placement" => PlacementBenchmark.Run(args.Skip(1).ToList()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Indgang.Bench placement [--xl-proof] [--only NAME[,NAME…]]");
    return 2;
}
