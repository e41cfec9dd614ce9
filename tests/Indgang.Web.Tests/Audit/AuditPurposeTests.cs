using Indgang.Web.Audit;

namespace Indgang.Web.Tests.Audit;

/// <summary>The audit log's purposes: one list, each named once, none two ways.</summary>
public sealed class AuditPurposeTests
{
    [Fact]
    public void EveryPurpose_HasATextOfItsOwn()
    {
        Assert.True(AuditPurpose.All.Count > 50);
        Assert.All(AuditPurpose.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
        Assert.Equal(AuditPurpose.All.Count, AuditPurpose.All.Select(p => p.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void APurpose_IsStoredAsItsDanishText()
    {
        Assert.Equal("Sagsbehandling: visning af borger", AuditPurpose.PersonCase.Text);
        Assert.Equal("Vejen til permanent bolig: tilbud accepteret", AuditPurpose.OfferAccepted.ToString());
        Assert.Contains(AuditPurpose.DuplicateCheck, AuditPurpose.All);
    }
}
