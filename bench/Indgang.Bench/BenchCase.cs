using Indgang.Placement;
using Indgang.Placement.Generation;

namespace Indgang.Bench;

/// <summary>One named instance of the placement benchmark.</summary>
internal sealed record BenchCase(string Name, InstanceShape Shape, int Seed, TimeSpan TimeLimit)
{
    public PlacementRequest Request(TimeSpan? limit) => SyntheticInstances.Request(Shape, Seed, limit ?? TimeLimit);

    /// <summary>The targets' instances and variants; with proofs, M, L and XL again with 60 s to prove optimality.</summary>
    public static IReadOnlyList<BenchCase> Standard(bool proofs)
    {
        var minute = TimeSpan.FromSeconds(60);
        var second = TimeSpan.FromSeconds(1);
        var two = TimeSpan.FromSeconds(2);
        var medium = new InstanceShape(150, 200, 8);
        return
        [
            new("XS 10×15×4", new InstanceShape(10, 15, 4), 1, second),
            new("S 40×60×6", new InstanceShape(40, 60, 6), 2, second),
            new("M 150×200×8", medium, 3, second),
            new("L 300×400×10", new InstanceShape(300, 400, 10), 4, two),
            new("XL 1000×1000×12", new InstanceShape(1000, 1000, 12), 5, two),
            .. proofs
                ? [
                    new BenchCase("M proof (60 s)", medium, 3, minute),
                    new BenchCase("L proof (60 s)", new InstanceShape(300, 400, 10), 4, minute),
                    new BenchCase("XL proof (60 s)", new InstanceShape(1000, 1000, 12), 5, minute),
                ]
                : Array.Empty<BenchCase>(),
            new("M tight beds", medium with { TightBeds = true, Units = 150 }, 3, second),
            new("M 15 % accessible", medium with { StepFreeUnitShare = 0.15, NeedsStepFreeShare = 0.15 }, 3, second),
            new("M 30 % temporary", medium with { TemporaryUnitShare = 0.30 }, 3, second),
            new("M shared-room singles", medium with { SharedRoomUnitShare = 0.25, SingleAdultShare = 0.6 }, 3, second),
            new("M one dominant language", medium with { DominantLanguageShare = 0.6 }, 3, second),
            new("M school seats binding", medium with { SchoolSeatsPerExpectedChild = 0.6 }, 3, second),
        ];
    }
}
