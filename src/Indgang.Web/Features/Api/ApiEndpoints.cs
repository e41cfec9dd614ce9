using Indgang.Web.Features.People;
using Indgang.Web.Platform;

namespace Indgang.Web.Features.Api;

internal static class ApiEndpoints
{
    public static IServiceCollection AddIndgangFeatures(this IServiceCollection services)
    {
        // Enums travel as their names ("VisitedRefugee"), not numbers, in the API: a number ("gender": 7) is refused, not
        // stored as a value no one can name.
        // Numbers are numbers: "3" for a count is refused (400), not read, so the OpenAPI document types them as integers
        // for the systems that integrate, not as "integer or string" (the web defaults read numbers from strings).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // A field the request has not (»needsAccesibleHousing«) is refused by name, not passed over with its value lost.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
        // A body the API cannot read is refused alike in every environment, by ApiBadRequests (in Development minimal
        // APIs throw by default and the others answer a bare 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiBadRequests>();
        services.AddScoped<PersonDirectory>();
        services.AddScoped<ShellInfo>();
        services.AddScoped<Admin.Audit.AuditSearch>();
        services.AddScoped<Reception.ArrivalRegistration>();
        services.AddScoped<Reception.ChecklistTaskFactory>();
        services.AddScoped<Reception.ChecklistRescheduler>();
        services.AddScoped<People.CorrectionTasks>();
        services.AddScoped<RuleSets.RuleSetSource>();
        services.AddScoped<Households.HouseholdCase>();
        services.AddScoped<Tasks.DepartmentWorkList>();
        services.AddScoped<Dashboard.HouseholdList>();
        services.AddScoped<Dashboard.CoordinatorDashboard>();
        services.AddScoped<Dashboard.HousingDashboard>();
        services.AddScoped<Plans.PlanCase>();
        services.AddScoped<Plans.PlanReader>();
        services.AddScoped<Notifications.DeadlineWatch>();
        services.AddScoped<Housing.HousingMoves>();
        services.AddScoped<Housing.AgreedMoveTasks>();
        services.AddScoped<Housing.PermanentHousingSteps>();
        services.AddScoped<Housing.PipelineCorrections>();
        services.AddScoped<Housing.PipelineQuery>();
        services.AddScoped<Housing.RegistrationHelp>();
        services.AddScoped<Housing.MoveOnMotivation>();
        services.AddScoped<Housing.HouseholdHousing>();
        services.AddScoped<Housing.ForecastQuery>();
        services.AddScoped<Housing.Placement.PlacementWeightsStore>();
        services.AddScoped<Housing.Placement.PlacementRunner>();
        services.AddScoped<Housing.Placement.PlacementRunHistory>();
        services.AddOptions<Housing.Placement.PlacementOptions>()
            .BindConfiguration(Housing.Placement.PlacementOptions.Section)
            .Validate(o => o.Seconds is >= 1 and <= 60, $"{Housing.Placement.PlacementOptions.Section}:Seconds must be between 1 and 60.")
            .ValidateOnStart();
        services.AddSingleton<Housing.Placement.IPlacementSolver, Housing.Placement.OrToolsPlacementSolver>();
        services.AddSingleton<Housing.Placement.PlacementGate>();
        // Checked at start: an interval of no minutes would stop the watch's timer, and with it the application, at start.
        services.AddOptions<Notifications.DeadlineWatchOptions>()
            .BindConfiguration(Notifications.DeadlineWatchOptions.Section)
            .Validate(o => o.DeadlineWatchMinutes is >= 1 and <= 1440, $"{Notifications.DeadlineWatchOptions.Section}:DeadlineWatchMinutes must be between 1 and 1440.")
            .ValidateOnStart();
        services.AddHostedService<Notifications.DeadlineWatchHost>();
        return services;
    }

    public static IEndpointRouteBuilder MapIndgangApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1");
        v1.AddEndpointFilter<SameOriginWrites>();
        v1.MapPeopleApi();
        v1.MapHouseholdsApi();
        v1.MapArrivalsApi();
        v1.MapHousingApi();
        v1.MapPipelineApi();
        return app;
    }
}
