namespace Indgang.Web;

/// <summary>
/// Marker for the shared UI texts. The Danish text is the key; Resources/SharedResource.en.resx
/// holds the English translations.
/// </summary>
public sealed class SharedResource;
