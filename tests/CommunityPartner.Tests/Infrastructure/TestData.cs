using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunityPartner.Web.Modules.Communities;
using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPartner.Tests.Infrastructure;

/// <summary>Builders: each test makes the communities and accounts it needs, with fresh codes and phone numbers.</summary>
public sealed class TestData(AppFactory factory)
{
    public const string Password = "Passw0rd!23";
    private static int _phoneCounter = Random.Shared.Next(0, 5_000_000);
    private static int _codeCounter;

    public static string NewPhone() => $"137{Interlocked.Increment(ref _phoneCounter) % 100_000_000:D8}";

    public async Task<CommunityRef> CommunityAsync(string? name = null)
    {
        var n = Interlocked.Increment(ref _codeCounter);
        var code = $"t{Guid.NewGuid():N}"[..12] + n;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var district = db.Set<District>().FirstOrDefault();
        if (district is null)
        {
            district = District.Create("test-district", "测试新区", "Test District");
            db.Add(district);
        }

        var community = Community.Create(district.Id, code, name ?? $"测试社区{code}", $"Test {code}", null, false, DateTime.UtcNow);
        db.Add(community);
        await db.SaveChangesAsync();
        return new CommunityRef(community.Id, community.Code, community.Name);
    }

    /// <summary>An account with the given roles (resident when none), bound to <paramref name="community"/>.</summary>
    public async Task<UserRef> UserAsync(CommunityRef? community = null, string name = "测试用户", params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var phone = NewPhone();
        var user = new AppUser
        {
            UserName = phone,
            PhoneNumber = phone,
            DisplayName = name,
            CommunityId = community?.Id,
            PrivacyConsentVersion = "2025-06",
            PrivacyConsentAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles.Length == 0 ? [Roles.Resident] : roles);
        return new UserRef(user.Id, phone, name);
    }

    public Task<UserRef> StaffAsync(CommunityRef community) => UserAsync(community, "测试社工", Roles.CommunityStaff);

    public Task<UserRef> AdminAsync() => UserAsync(null, "测试管理员", Roles.DistrictAdmin);

    /// <summary>A client that follows no redirects and carries a bearer token for <paramref name="user"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(UserRef? user)
    {
        // The factory's own address: http://localhost in memory, the real port when it runs on Kestrel (browser journeys).
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress });
        if (user is null)
        {
            return client;
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { phone = user.Phone, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenDto>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client (cookies, no auto-redirect) signed in through the real sign-in form.</summary>
    public async Task<HttpClient> BrowserAsync(UserRef? user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.ClientOptions.BaseAddress });
        if (user is null)
        {
            return client;
        }

        var response = await Html.SubmitFormAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Phone"] = user.Phone,
            ["Input.Password"] = Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user.Phone} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    private sealed record TokenDto(string AccessToken, long ExpiresIn);
}

public sealed record CommunityRef(Guid Id, string Code, string Name);

public sealed record UserRef(Guid Id, string Phone, string Name);
