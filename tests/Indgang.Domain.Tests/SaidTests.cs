namespace Indgang.Domain.Tests;

/// <summary>A message is a value: the same text with the same arguments is the same message.</summary>
public sealed class SaidTests
{
    [Fact]
    public void SameTextAndArguments_AreEqual()
    {
        var one = new Said("{0:N0} m til {1}", 1500, "skole");
        var other = new Said("{0:N0} m til {1}", 1500, "skole");

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
    }

    [Theory]
    [InlineData("{0:N0} m til {1}", 1500, "dagtilbud")]
    [InlineData("{0:N0} m til {1}", 1600, "skole")]
    [InlineData("{0:N0} m fra {1}", 1500, "skole")]
    public void AnotherTextOrArgument_IsAnotherMessage(string text, int metres, string place) =>
        Assert.NotEqual(new Said("{0:N0} m til {1}", 1500, "skole"), new Said(text, metres, place));

    [Fact]
    public void AMessageWithoutArguments_EqualsItsText() =>
        Assert.Equal(new Said("Får en bolig"), (Said)"Får en bolig");
}
