using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using CommunityPartner.Web.Platform.Localization;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;

namespace CommunityPartner.Web.Platform;

/// <summary>Plumbing shared by every module: data, accounts, audit, language, errors, limits, health, OpenAPI.</summary>
public static class PlatformServices
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPlatformData(builder.Configuration, builder.Environment);
        services.AddDataProtection().SetApplicationName("community-partner").PersistKeysToDbContext<AppDbContext>();
        services.AddPlatformAuth();
        services.AddScoped<AuditLog>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<FileStore>();
        services.AddPlatformLocalization();
        services.AddPlatformProblemDetails();
        services.AddPlatformRateLimits();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "社区合伙人 · Community Partner API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Needs (民呼我应), communities, projects, partners, points and happiness bills of Mianyang Science City New District. "
                + "Authenticate with POST /api/v1/auth/token and send the token as `Authorization: Bearer <token>`.";
            return Task.CompletedTask;
        }));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind nginx on the same host (docs/deploy.md).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        services
            .AddRazorPages(o => o.RootDirectory = "/")
            .AddViewLocalization()
            .AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();

        // Before the error handlers: they write their problem details after the rest of the pipeline has returned,
        // and only a culture set out here is still in effect then.
        app.UseRequestLocalization();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Pages show a friendly page; the API gets problem details (see ProblemDetailsSetup).
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = e => e is DomainException ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311"))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
                return;
            }

            if (http.Response.StatusCode is 404 or 403 or 500)
            {
                var original = http.Request.Path;
                http.Request.Path = $"/error/{http.Response.StatusCode}";
                try
                {
                    await ctx.Next(http);
                }
                finally
                {
                    http.Request.Path = original;
                }
            }
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        BearerSecurityStampCheck.UseBearerSecurityStampCheck(app);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz").DisableHttpMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("社区合伙人 API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapDisplayPreferences();
        app.MapRazorPages();
        return app;
    }
}
