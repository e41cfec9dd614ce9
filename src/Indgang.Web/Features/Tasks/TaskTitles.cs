using Indgang.Domain;
using Indgang.Domain.Reception;
using Indgang.Web.Features.Admin.Responsibilities;
using Indgang.Web.Platform;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Features.Tasks;

/// <summary>
/// A task's title in the reader's language. A title is stored as it was made, in Danish: the name of its type
/// (<see cref="TaskTexts.Title"/>), alone or followed by " – " and whom or what it is for (a member's first name, a home's
/// label or address), which is a name and stays as it is. The type's name is said through the localizer; a title of
/// another shape (made under an older name of its type) is shown as stored.
/// </summary>
public static class TaskTitles
{
    /// <summary>The type's name, " – ", and whom or what the task is for.</summary>
    public const string NameAndFor = "{0} – {1}";

    private const string Separator = " – ";

    public static string TaskTitle(this IStringLocalizer T, TaskType type, string title)
    {
        ArgumentNullException.ThrowIfNull(T);
        return T.Say(Message(type, title));
    }

    /// <summary>The title as a message (kept with a notice that names the task), said as <see cref="TaskTitle"/> says it.</summary>
    public static Said Message(TaskType type, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var name = TaskTexts.Title(type);
        if (title == name)
        {
            return new Said(name);
        }

        return title.StartsWith(name + Separator, StringComparison.Ordinal)
            ? new Said(NameAndFor, new Said(name), title[(name.Length + Separator.Length)..])
            : new Said("{0}", title);
    }
}
