using Microsoft.AspNetCore.Mvc.Rendering;

namespace Indgang.Web.Features.Housing.Sites;

/// <summary>A page with the site's fields (create, edit); the shared partial binds to it.</summary>
public interface ISiteForm
{
    SiteInput Input { get; }

    IReadOnlyList<SelectListItem> Towns { get; }
}
