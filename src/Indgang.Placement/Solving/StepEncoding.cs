using Google.OrTools.Sat;

namespace Indgang.Placement.Solving;

/// <summary>
/// Linearises any function f(k) of how many households a plan adds to a group (a language in a district, families
/// in a district) with a thermometer: step j is true when at least j households are added and carries the
/// marginal value f(j) − f(j−1). Steps are ordered (step j+1 implies step j) and together with an overflow
/// count equal k, so the encoding is exact even where f is not concave (a lone household costs, the second one
/// more than pays it back). Steps stop where the marginal value becomes zero for good (the group cap), keeping
/// the model small.
/// </summary>
internal sealed class StepEncoding
{
    private readonly BoolVar[] steps;
    private readonly IntVar? overflow;

    private StepEncoding(BoolVar[] steps, IntVar? overflow)
    {
        this.steps = steps;
        this.overflow = overflow;
    }

    public static StepEncoding? Add(
        CpModel model, LinearExprBuilder objective, IReadOnlyList<BoolVar> members, int maxAdded, Func<int, long> valueOfAdded)
    {
        var marginals = Enumerable.Range(1, maxAdded).Select(j => valueOfAdded(j) - valueOfAdded(j - 1)).ToArray();
        var last = Array.FindLastIndex(marginals, m => m != 0) + 1;
        if (last == 0)
        {
            return null;
        }

        var steps = Enumerable.Range(0, last).Select(_ => model.NewBoolVar(string.Empty)).ToArray();
        for (var j = 1; j < last; j++)
        {
            model.AddImplication(steps[j], steps[j - 1]);
        }

        var count = LinearExpr.NewBuilder();
        count.AddSum(steps);
        IntVar? overflow = null;
        if (maxAdded > last)
        {
            overflow = model.NewIntVar(0, maxAdded - last, string.Empty);
            count.Add(overflow);
            model.Add(overflow <= (maxAdded - last) * steps[last - 1]);
        }

        model.Add(count == LinearExpr.Sum(members));
        for (var j = 0; j < last; j++)
        {
            objective.AddTerm(steps[j], marginals[j]);
        }

        return new StepEncoding(steps, overflow);
    }

    public void Hint(CpModel model, int added)
    {
        for (var j = 0; j < steps.Length; j++)
        {
            model.AddHint(steps[j], j < added);
        }

        if (overflow is not null)
        {
            model.AddHint(overflow, Math.Max(0, added - steps.Length));
        }
    }
}
