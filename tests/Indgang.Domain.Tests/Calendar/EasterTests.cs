using System.Globalization;
using Indgang.Domain.Calendar;

namespace Indgang.Domain.Tests.Calendar;

public class EasterTests
{
    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Sunday_Year_IsGregorianEaster(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Easter.Sunday(year));
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void Sunday_OutsideGregorianRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
    }
}
