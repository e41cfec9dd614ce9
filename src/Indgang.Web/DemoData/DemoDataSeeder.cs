using Indgang.Domain.Audit;
using Indgang.Domain.Municipalities;
using Indgang.Domain.Deadlines;
using Indgang.Domain.Housing;
using Indgang.Domain.Reception;
using Indgang.Domain.Tasks;
using Indgang.Web.Audit;
using Indgang.Web.Data;
using Indgang.Web.Features.Reception;
using Indgang.Web.Features.RuleSets;
using Indgang.Web.Identity;
using Indgang.Web.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Indgang.Web.DemoData;

/// <summary>
/// The example municipality (Allerød), its departments, demo users and a few households with the work done on them so
/// far. Development only (or when a non-production environment asks for it); never in Production. Seeded once, on a
/// database without a municipality, and all or nothing: a start that fails half-way leaves nothing, and the next seeds.
/// </summary>
internal sealed class DemoDataSeeder(
    IndgangDbContext db,
    UserManager<IndgangUser> users,
    AuditLog audit,
    ArrivalRegistration registration,
    DemoResidentHistory resident,
    DemoTaskHistory history,
    TimeProvider clock)
{
    public const string DemoPassword = "Demo-1234";

    public static bool IsAllowed(IHostEnvironment environment, IConfiguration configuration) =>
        !environment.IsProduction()
        && (environment.IsDevelopment() || configuration.GetValue<bool>("Indgang:SeedDemoData"));

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Municipalities.AnyAsync(cancellationToken))
        {
            return;
        }

        // Every step below joins this transaction (registration, moves and the audit log use the caller's when there is one).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var municipality = new Municipality("Allerød Kommune", "201");
        foreach (var (town, population) in DemoMunicipality.Towns)
        {
            municipality.AddTown(town, population);
        }

        var departments = DemoMunicipality.Departments.ToDictionary(d => d.Code, d => municipality.AddDepartment(d.Name, d.Code));
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync(cancellationToken);

        (string Id, string UserName)? coordinator = null;
        foreach (var demo in DemoMunicipality.Users)
        {
            var user = new IndgangUser
            {
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                DepartmentId = demo.DepartmentCode is null ? null : departments[demo.DepartmentCode].Id,
            };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, demo.Role));
            if (demo.Role == Roles.Coordinator)
            {
                coordinator ??= (user.Id, user.UserName);
            }
        }

        foreach (var (taskType, departmentCode) in ResponsibilityMatrix.Allerød.Owners)
        {
            db.Responsibilities.Add(new Responsibility(taskType, departments[departmentCode].Id));
        }

        foreach (var target in NationalRuleSets.AllerødOverlay)
        {
            db.LocalTargets.Add(new LocalTargetEntry(target.Kind, target.Period.Months + (target.Period.Years * 12), target.Period.Weeks, target.Period.Days, target.EffectiveFrom, target.Source, false, AuditLog.SystemActor, clock.GetUtcNow(), 1));
        }

        var today = clock.Today();
        var towns = municipality.Towns.ToDictionary(t => t.Name);
        foreach (var (site, units) in DemoHousing.Create(towns, today))
        {
            db.HousingSites.Add(site);
            db.HousingUnits.AddRange(units);
        }

        // Fictitious quotas, so the capacity forecast has a year to look into: this year's nearly received, next year's
        // raised (as when Udlændingestyrelsen raises the national figure, seed 002), which shows the month the beds
        // run short (the pavilion decision of seed 001). The housing coordinator edits them on the forecast page.
        db.Quotas.Add(new MunicipalQuota(today.Year, DemoHousing.QuotaThisYear));
        db.Quotas.Add(new MunicipalQuota(today.Year + 1, DemoHousing.QuotaNextYear));

        await db.SaveChangesAsync(cancellationToken);
        foreach (var arrival in DemoHouseholds.Create(today))
        {
            var result = await registration.RegisterAsync(arrival, coordinator!.Value.Id, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo household rejected: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)));
            }

            // The Haddads came on the day they were expected, and the coordinator has recorded it; the Kovalenkos'
            // day has come without a record, so the start page shows an arrival to confirm.
            if (result.Household!.Name == DemoHouseholds.ArrivedAsExpected)
            {
                result.Household.SetArrival(result.Household.ExpectedArrival, result.Household.ExpectedArrival);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await resident.RecordAsync(coordinator!.Value.Id, coordinator.Value.UserName!, cancellationToken);
        await history.RecordAsync(cancellationToken);
        await audit.RecordAsAsync(AuditLog.SystemActor, AuditAction.DemoDataSeeded, null, AuditPurpose.DemoData, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
