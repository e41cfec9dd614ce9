using Indgang.Domain.Audit;
using Indgang.Domain.Housing;
using Indgang.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Tests.Infrastructure;

/// <summary>What the tests of the pipeline's correction pages (an offer's, a registration's) read alike.</summary>
public static class PipelineEditPages
{
    /// <summary>The version the correction form was opened with (the form to save, not the one to remove).</summary>
    public static string Version(AngleSharp.Dom.IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector("form:not([action*='Remove']) input[name='Version']")?.GetAttribute("value") ?? "";
    }

    /// <summary>The offer as saved now, or null when it is gone.</summary>
    public static Task<HousingOffer?> OfferAsync(this IndgangAppFactory factory, Guid offer) =>
        factory.QueryAsync(db => db.HousingOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offer));

    /// <summary>The details of the household's audit entries of a step on the way to a permanent home (<paramref name="what"/>: "tilbud rettet", …), in order.</summary>
    public static Task<List<string?>> PipelineWritesAsync(this IndgangAppFactory factory, Guid household, string what) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.HouseholdUpdated && e.Purpose == $"Vejen til permanent bolig: {what}" && e.Details!.StartsWith($"Husstand {household:D}:"))
            .OrderBy(e => e.Sequence).Select(e => e.Details).ToListAsync());
}
