using Indgang.Web.Platform;
namespace Indgang.Web.Audit;

/// <summary>
/// A hardened installation without <see cref="AuditAnchors.DirectoryKey"/> writes its audit anchors into the data folder:
/// on PostgreSQL that is <c>./data</c> under the application's folder, which a new release replaces, and on either
/// database a folder kept with the database, while the anchors are to show rows cut from the end of the log by someone
/// who can change the database. Said once at start, as the SQLite file's place is (found by the operator's review: the
/// anchors went into the published folder without a word).
/// </summary>
internal static partial class AnchorDirectoryWarning
{
    public static WebApplication WarnIfAnchorDirectoryNotSet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsHardened() && string.IsNullOrWhiteSpace(app.Configuration[AuditAnchors.DirectoryKey]))
        {
            LogNotSet(app.Logger, app.Services.GetRequiredService<AuditAnchors>().FilePath);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit anchors are written to {Path}, in the data folder, as Indgang:Audit:AnchorDirectory is not set. Set it to a folder outside the application's folder and apart from the database, and back it up apart from the database.")]
    private static partial void LogNotSet(ILogger logger, string path);
}
