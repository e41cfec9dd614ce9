using Indgang.Domain.Audit;
using Indgang.Web.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Indgang.Web.Features.Admin.Audit;

public sealed class VerifyModel(AuditChainVerifier verifier, AuditLog audit) : PageModel
{
    public AuditVerification Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Result = await verifier.VerifyAsync(HttpContext.RequestAborted);
        await audit.RecordAsync(AuditAction.AuditChainVerified, null, AuditPurpose.AuditVerification,
            Result.IsIntact
                ? $"Intakt: {Result.RowsChecked} rækker ({Result.KeyedRows} med nøgle, {Result.PlainRows} uden)"
                : $"Brudt ved række {Result.FirstBreak!.Sequence} ({Result.FirstBreak.Reason})");
    }

    public static string ReasonText(AuditChainBreakReason reason) => reason switch
    {
        AuditChainBreakReason.ContentChanged => "rækkens indhold er ændret",
        AuditChainBreakReason.LinkBroken => "rækken peger ikke på den forrige række",
        AuditChainBreakReason.MissingRow => "en række mangler (slettet)",
        AuditChainBreakReason.PlainAfterKeyed => "rækken har en hash uden nøgle efter rækker med nøgle (omskrevet uden nøglen)",
        AuditChainBreakReason.AnchorMismatch => "rækkens hash er ikke den, ankeret uden for databasen viser",
        AuditChainBreakReason.MissingAfterAnchor => "der mangler rækker efter denne (slettet i enden af loggen)",
        _ => reason.ToString(),
    };
}
