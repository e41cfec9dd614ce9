using Indgang.Placement.Scoring;

namespace Indgang.Placement.Tests;

public class ShareSplitterTests
{
    [Theory]
    [InlineData(10, 3, new long[] { 4, 3, 3 })]
    [InlineData(-10, 3, new long[] { -4, -3, -3 })]
    [InlineData(0, 2, new long[] { 0, 0 })]
    [InlineData(7, 1, new long[] { 7 })]
    public void Split_AnyTotal_SharesAddUpWithRemainderToTheFirst(long total, int count, long[] expected)
    {
        Assert.Equal(expected, ShareSplitter.Split(total, count));
    }
}
