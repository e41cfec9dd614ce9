using Indgang.Placement.Scoring;

namespace Indgang.Placement.Tests;

/// <summary>The explanation's Danish: a noun after a number is singular for exactly one.</summary>
public sealed class DanishTermsTests
{
    public static TheoryData<string, string> Terms => new()
    {
        { DanishTerms.Waited(1, 2).DanishText, "Har ventet 1 dag" },
        { DanishTerms.Waited(1200, 730).DanishText, "Har ventet 1.200 dage" },
        { DanishTerms.WastedBeds(1, -40).DanishText, "1 seng står tom" },
        { DanishTerms.WastedBeds(3, -120).DanishText, "3 senge står tomme" },
        { DanishTerms.SharedRoomBeds(1, -40).DanishText, "Delebolig: 1 seng står tom" },
        { DanishTerms.SharedRoomBeds(2, -80).DanishText, "Delebolig: 2 senge står tomme" },
        { DanishTerms.Spread("Lynge", 1, 2, 80).DanishText, "Spredning: Lynge får 1 husstand mod en andel på 2" },
        { DanishTerms.Spread("Lynge", 0, 2, 80).DanishText, "Spredning: Lynge får 0 husstande mod en andel på 2" },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void CountedNouns_AgreeWithTheirNumber(string text, string expected) =>
        Assert.Equal(expected, text);
}
