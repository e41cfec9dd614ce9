namespace Indgang.Placement.Scoring;

/// <summary>
/// Splits points that belong to a group (a language group, a district) among its newly placed households:
/// equal shares, the indivisible remainder one point each to the first households by id. The shares always add
/// up to the total, so explanations add up to the objective.
/// </summary>
internal static class ShareSplitter
{
    public static long[] Split(long total, int count)
    {
        var shares = new long[count];
        if (count == 0)
        {
            return shares;
        }

        var each = total / count;
        var remainder = total - (each * count);
        for (var i = 0; i < count; i++)
        {
            shares[i] = each + (i < Math.Abs(remainder) ? Math.Sign(remainder) : 0);
        }

        return shares;
    }
}
