namespace Indgang.Web.Tests.Infrastructure;

/// <summary>
/// What a refused start says: the messages of the error a test host throws and of every error inside it (the host
/// wraps the start-up step's error, at times in an <see cref="AggregateException"/>), one text to look for a sentence in.
/// </summary>
public static class StartRefusal
{
    public static string Messages(Exception refused) => string.Join(" | ", Chain(refused).Select(e => e.Message));

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException all)
            {
                foreach (var each in all.InnerExceptions.SelectMany(Chain))
                {
                    yield return each;
                }
            }
        }
    }
}
