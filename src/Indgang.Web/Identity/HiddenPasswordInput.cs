namespace Indgang.Web.Identity;

/// <summary>
/// The new password of <c>--reset-password</c> read from stdin. From a terminal it is read key by key without echo, after
/// a prompt on stderr, so it is neither shown on the screen nor left in the terminal's scrollback; before, it was read
/// with ReadLine and stood on the operator's screen (found by operator review). From a pipe or a file it is read as a line.
/// </summary>
internal static class HiddenPasswordInput
{
    public static async Task<string?> ReadAsync(string userName)
    {
        if (Console.IsInputRedirected)
        {
            return await Console.In.ReadLineAsync();
        }

        await Console.Error.WriteAsync($"New password for {userName} (not shown; Enter ends it): ");
        var password = FromKeys(Keys());
        await Console.Error.WriteLineAsync();
        return password;
    }

    /// <summary>
    /// The password typed as <paramref name="keys"/>: characters up to Enter, Backspace taking back the last one; null
    /// when the keys end without Enter (Ctrl+D at the start, or the terminal closed).
    /// </summary>
    public static string? FromKeys(IEnumerable<ConsoleKeyInfo> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var typed = new System.Text.StringBuilder();
        foreach (var key in keys)
        {
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return typed.ToString();
                case ConsoleKey.Backspace:
                    if (typed.Length > 0)
                    {
                        typed.Length--;
                    }

                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        typed.Append(key.KeyChar);
                    }

                    break;
            }
        }

        return null;
    }

    private static IEnumerable<ConsoleKeyInfo> Keys()
    {
        while (true)
        {
            yield return Console.ReadKey(intercept: true);
        }
    }
}
