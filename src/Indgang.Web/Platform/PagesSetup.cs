using System.Globalization;
using Indgang.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Indgang.Web.Platform;

internal static class PagesSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("da-DK"), new("en-GB")];

    public static IServiceCollection AddIndgangLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            // Danish unless the user has chosen otherwise with the language switch (a cookie).
            o.DefaultRequestCulture = new RequestCulture("da-DK");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>The capacity forecast's page, which managers may read too (<see cref="Policies.HousingForecast"/>).</summary>
    public const string ForecastPage = "/Housing/Forecast";

    public static IServiceCollection AddIndgangPages(this IServiceCollection services)
    {
        services
            .AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
                o.Conventions.AuthorizeFolder("/People", Policies.PersonData);
                o.Conventions.AuthorizeFolder("/Households", Policies.PersonData);
                o.Conventions.AuthorizeFolder("/Reception", Policies.Coordination);
                o.Conventions.AuthorizeFolder("/Tasks", Policies.TaskWork);
                o.Conventions.AuthorizeFolder("/Plans", Policies.Coordination);
                // The housing coordinators' pages; but the capacity forecast, numbers only, managers read too (HOUSE-4,
                // the pavilion decision). A folder's policy and a page's would both have to pass, so the page gets its own
                // instead of the folder's.
                o.Conventions.AddFolderApplicationModelConvention("/Housing", page => page.EndpointMetadata.Add(
                    new AuthorizeAttribute(page.ViewEnginePath == ForecastPage ? Policies.HousingForecast : Policies.Housing)));
                // Deliberately public: signing in, the language switch and the status pages.
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AllowAnonymousToPage("/Status/Index");
                o.Conventions.ConfigureFilter(new FormWithoutHandlerRefused());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new Forms.FieldValueBinderProvider());
                o.ModelValidatorProviders.Add(new ControlCharacterValidatorProvider());
            });
        services.AddOptions<MvcOptions>()
            .Configure<IStringLocalizer<SharedResource>>((o, texts) => DanishModelBindingMessages.Apply(o.ModelBindingMessageProvider, texts));
        return services;
    }
}
