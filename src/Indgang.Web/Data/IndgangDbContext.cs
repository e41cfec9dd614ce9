using Indgang.Domain.Audit;
using Indgang.Domain.Journal;
using Indgang.Domain.Notifications;
using Indgang.Domain.Plans;
using Indgang.Domain.Tasks;
using Indgang.Web.Features.RuleSets;
using Indgang.Domain.Municipalities;
using Indgang.Domain.People;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.Data;

/// <summary>
/// The one DbContext. Each database provider has a thin subclass only so that it can carry its own
/// migrations (see docs/decisions/0002-one-context-two-providers.md).
/// </summary>
public abstract class IndgangDbContext(DbContextOptions options)
    : IdentityDbContext<IndgangUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Town> Towns => Set<Town>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdRelation> HouseholdRelations => Set<HouseholdRelation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CaseTask> Tasks => Set<CaseTask>();
    public DbSet<Responsibility> Responsibilities => Set<Responsibility>();
    public DbSet<IntegrationContract> IntegrationContracts => Set<IntegrationContract>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<JournalNote> JournalNotes => Set<JournalNote>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<LocalTargetEntry> LocalTargets => Set<LocalTargetEntry>();
    public DbSet<Domain.Deadlines.DeadlineCompletion> DeadlineCompletions => Set<Domain.Deadlines.DeadlineCompletion>();
    public DbSet<Domain.Housing.HousingSite> HousingSites => Set<Domain.Housing.HousingSite>();
    public DbSet<Domain.Housing.HousingUnit> HousingUnits => Set<Domain.Housing.HousingUnit>();
    public DbSet<Domain.Housing.Occupancy> Occupancies => Set<Domain.Housing.Occupancy>();
    public DbSet<Domain.Housing.RentCap> RentCaps => Set<Domain.Housing.RentCap>();
    public DbSet<Domain.Housing.MunicipalQuota> Quotas => Set<Domain.Housing.MunicipalQuota>();
    public DbSet<Domain.Housing.HousingRegistration> HousingRegistrations => Set<Domain.Housing.HousingRegistration>();
    public DbSet<Domain.Housing.HousingOffer> HousingOffers => Set<Domain.Housing.HousingOffer>();
    public DbSet<Features.Housing.Placement.PlacementRun> PlacementRuns => Set<Features.Housing.Placement.PlacementRun>();
    public DbSet<Features.Housing.Placement.PlacementDecision> PlacementDecisions => Set<Features.Housing.Placement.PlacementDecision>();
    public DbSet<Features.Housing.Placement.PlacementWeightsVersion> PlacementWeights => Set<Features.Housing.Placement.PlacementWeightsVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(IndgangDbContext).Assembly);

        // Our Guid keys are made by the domain when an object is created, never by the database. Saying
        // so lets EF treat a new object reached through a navigation (a member added to a household) as
        // new, instead of as an existing row to update.
        foreach (var key in builder.Model.GetEntityTypes().SelectMany(t => t.GetKeys()).Where(k => k.IsPrimaryKey()))
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit log is append-only: the application can add rows, never change or remove them.
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }
}
