using System.Net;
using System.Net.Http.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Accounts.Register;

/// <summary>Registration through POST /api/v1/auth/register: 201 on success, a 400 validation problem keyed by field and nothing stored otherwise.</summary>
public abstract class RegisterApiTests(AppFactory factory)
{
    private const string Endpoint = "/api/v1/auth/register";
    private readonly AccountStore _store = new(factory);

    [Fact]
    public async Task Register_ValidBody_Returns201AndCreatesResidentWithConsentAndAudit()
    {
        var community = await factory.Data.CommunityAsync();
        var registration = Registration.Valid(community);
        using var client = await factory.Data.ApiClientAsync(null);
        var before = factory.Clock.GetUtcNow().UtcDateTime;

        var response = await client.PostAsJsonAsync(Endpoint, registration.ApiBody());

        var after = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<RegisteredDto>();
        Assert.Equal(1, await _store.CountAsync(registration.Phone));
        var stored = await _store.FindAsync(registration.Phone);
        Assert.NotNull(stored);
        Assert.Equal(stored.User.Id, body!.Id);
        Assert.Equal(registration.DisplayName, body.DisplayName);
        Assert.Equal(community.Code, body.CommunityCode);
        Assert.Equal(community.Id, stored.User.CommunityId);
        Assert.Equal([Roles.Resident], stored.Roles);
        Assert.Equal(Registration.ConsentVersionNow, stored.User.PrivacyConsentVersion);
        Assert.InRange(stored.User.PrivacyConsentAt!.Value, before.AddMilliseconds(-1), after);
        var audit = Assert.Single(await _store.AuditAsync("accounts.register", stored.User.Id));
        Assert.Equal(community.Id, audit.CommunityId);
        Assert.DoesNotContain(registration.Phone, audit.After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registration.Refusals), MemberType = typeof(Registration))]
    public async Task Register_OneInvalidField_Returns400ProblemKeyedByFieldAndStoresNothing(string field, string? value, string message)
    {
        var community = await factory.Data.CommunityAsync();
        var registration = Registration.Valid(community).With(field, value);
        var stored = await _store.CountAsync(registration.Phone, registration.DisplayName);
        using var client = await factory.Data.ApiClientAsync(null);

        var response = await client.PostAsJsonAsync(Endpoint, registration.ApiBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
        Assert.Equal(stored, await _store.CountAsync(registration.Phone, registration.DisplayName));
    }

    [Fact]
    public async Task Register_OutdatedConsentVersion_Returns400OnConsentVersion()
    {
        var community = await factory.Data.CommunityAsync();
        var registration = Registration.Valid(community) with { ConsentVersion = "2024-01" };
        using var client = await factory.Data.ApiClientAsync(null);

        var response = await client.PostAsJsonAsync(Endpoint, registration.ApiBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal(["请阅读并同意隐私政策后再注册"], errors["consentVersion"]);
        Assert.Equal(0, await _store.CountAsync(registration.Phone, registration.DisplayName));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("+86 ", "")]
    [InlineData("", "-")]
    public async Task Register_PhoneAlreadyRegistered_Returns400DuplicateAndStoresNothing(string prefix, string separator)
    {
        var community = await factory.Data.CommunityAsync();
        var existing = await factory.Data.UserAsync(community, "原来的账户");
        // The same number as people type it: with the country code or grouped with dashes.
        var typed = $"{prefix}{existing.Phone[..3]}{separator}{existing.Phone[3..7]}{separator}{existing.Phone[7..]}";
        var registration = Registration.Valid(community) with { Phone = typed };
        using var client = await factory.Data.ApiClientAsync(null);

        var response = await client.PostAsJsonAsync(Endpoint, registration.ApiBody());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal(["该手机号已注册，请直接登录"], errors["phone"]);
        Assert.Equal(1, await _store.CountAsync(existing.Phone, registration.DisplayName));
        Assert.Equal("原来的账户", (await _store.FindAsync(existing.Phone))!.User.DisplayName);
    }

    private sealed record RegisteredDto(Guid Id, string DisplayName, string CommunityCode);
}

[Collection(SqliteLane.Name)]
public sealed class RegisterApiTestsOnSqlite(SqliteAppFactory factory) : RegisterApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RegisterApiTestsOnPostgres(PostgresAppFactory factory) : RegisterApiTests(factory);
