using Indgang.Domain.Notifications;

namespace Indgang.Domain.Tests.Notifications;

public class NotificationTests
{
    /// <summary>A notice made of a long address and a long household name fits its column, cut with an ellipsis.</summary>
    [Fact]
    public void Text_LongerThanItsColumn_IsCutWithAnEllipsis()
    {
        var text = $"Svarfrist for boligtilbud 1. januar 2027: {new string('A', 300)} ({new string('H', 200)})";

        var notice = new Notification("user", null, text, "/Households", DateTimeOffset.UnixEpoch);

        Assert.Equal(Notification.TextLength, notice.Text.Length);
        Assert.EndsWith("HH…", notice.Text, StringComparison.Ordinal);
        Assert.StartsWith(text[..(Notification.TextLength - 1)], notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OfTheLongestLength_IsKeptWhole()
    {
        var text = new string('T', Notification.TextLength);

        Assert.Equal(text, new Notification("user", null, text, "/Tasks", DateTimeOffset.UnixEpoch).Text);
    }
}
