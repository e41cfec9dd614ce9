using Indgang.Web.Identity;

namespace Indgang.Web.Tests.Admin;

/// <summary>
/// <c>--reset-password</c> typed at a terminal: the keys become the password without being shown (the terminal itself is
/// not driven here; what the keys make is).
/// </summary>
public sealed class HiddenPasswordInputTests
{
    [Theory]
    [InlineData("Glemt-2026\r", "Glemt-2026")]
    [InlineData("Glemtx\b-2026\r", "Glemt-2026")]
    [InlineData("\b\bab\r", "ab")]
    [InlineData("ab\rcd\r", "ab")]
    [InlineData("\r", "")]
    [InlineData("Glemt\t-2026\r", "Glemt-2026")]
    [InlineData("Glemt-2026", null)]
    public void TheKeysTyped_MakeThePassword_BackspaceTakingBack_AndNoEnterMakingNone(string typed, string? expected)
    {
        Assert.Equal(expected, HiddenPasswordInput.FromKeys(typed.Select(Key)));
    }

    private static ConsoleKeyInfo Key(char c) => c switch
    {
        '\r' => new ConsoleKeyInfo(c, ConsoleKey.Enter, false, false, false),
        '\b' => new ConsoleKeyInfo(c, ConsoleKey.Backspace, false, false, false),
        '\t' => new ConsoleKeyInfo(c, ConsoleKey.Tab, false, false, false),
        _ => new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false),
    };
}
