using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Modules.Communities;
using CommunityPartner.Web.Platform.Audit;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Modules.Communities;

/// <summary>Reads what the Communities use cases stored, straight from the database, and the answers they gave.</summary>
internal static class CommunitiesTestSupport
{
    public static async Task<Community?> FindCommunityAsync(this AppFactory factory, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Community>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code);
    }

    public static async Task<int> CountCommunitiesAsync(this AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Community>().CountAsync();
    }

    public static async Task<string> DistrictNameOfAsync(this AppFactory factory, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from c in db.Set<Community>()
                      join d in db.Set<District>() on c.DistrictId equals d.Id
                      where c.Code == code
                      select d.Name).SingleAsync();
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(this AppFactory factory, string action, object entityId)
    {
        var id = entityId.ToString();
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<int> CountAuditAsync(this AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync();
    }

    /// <summary>The account's bound community and whether it holds the community-staff role.</summary>
    public static async Task<(Guid? CommunityId, bool IsStaff)> StaffStateAsync(this AppFactory factory, UserRef user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByIdAsync(user.Id.ToString());
        return (account!.CommunityId, await users.IsInRoleAsync(account, Roles.CommunityStaff));
    }

    /// <summary>A fresh community code (the builders' codes and these never collide).</summary>
    public static string NewCode() => $"c{Guid.NewGuid():N}"[..16];

    /// <summary>A fresh, valid community name.</summary>
    public static string NewName() => $"新社区{Guid.NewGuid():N}"[..14];

    public static JsonElement Json(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The messages a validation problem gives for one field.</summary>
    public static async Task<IReadOnlyList<string>> FieldProblemsAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"No error for '{field}' in {problem}");
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>The error message the field helper shows under one input (empty when none).</summary>
    public static string FieldError(IDocument page, string inputName) =>
        page.QuerySelector($"#{inputName.Replace('.', '_')}-error")?.TextContent.Trim() ?? "";

    /// <summary>The antiforgery token of any post form on the page (e.g. the header's sign-out form).</summary>
    public static string AntiforgeryToken(IDocument page) =>
        page.QuerySelectorAll<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]").First().Value;

    public static string? LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).AbsolutePath : null;
}
