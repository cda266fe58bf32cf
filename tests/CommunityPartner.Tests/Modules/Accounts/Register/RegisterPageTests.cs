using System.Net;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Web.Platform.Auth;

namespace CommunityPartner.Tests.Modules.Accounts.Register;

/// <summary>Registration through /account/register: a resident account on success, a Chinese field message and nothing stored otherwise.</summary>
public abstract class RegisterPageTests(AppFactory factory)
{
    private const string Page = "/account/register";
    private readonly AccountStore _store = new(factory);

    [Fact]
    public async Task Register_ValidForm_CreatesSignedInResidentWithConsentAndAudit()
    {
        var community = await factory.Data.CommunityAsync();
        var registration = Registration.Valid(community);
        using var client = await factory.Data.BrowserAsync(null);
        var before = factory.Clock.GetUtcNow().UtcDateTime;

        var response = await Html.SubmitFormAsync(client, Page, registration.FormFields());

        var after = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.NotEmpty(Responses.AuthCookiesSet(response));
        Assert.Equal(1, await _store.CountAsync(registration.Phone));
        var stored = await _store.FindAsync(registration.Phone);
        Assert.NotNull(stored);
        Assert.Equal(registration.DisplayName, stored.User.DisplayName);
        Assert.Equal(community.Id, stored.User.CommunityId);
        Assert.Equal([Roles.Resident], stored.Roles);
        Assert.Equal(Registration.ConsentVersionNow, stored.User.PrivacyConsentVersion);
        Assert.InRange(stored.User.PrivacyConsentAt!.Value, before.AddMilliseconds(-1), after);
        var audit = Assert.Single(await _store.AuditAsync("accounts.register", stored.User.Id));
        Assert.Equal(stored.User.Id, audit.ActorId);
        Assert.Equal(community.Id, audit.CommunityId);
        Assert.DoesNotContain(registration.Phone, audit.After, StringComparison.Ordinal);

        // Registering signs the person in: the new cookie opens their account page.
        var account = await Html.GetAsync(client, "/account");
        Assert.Contains(registration.Phone, account.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registration.Refusals), MemberType = typeof(Registration))]
    public async Task Register_OneInvalidField_ShowsChineseFieldMessageAndStoresNothing(string field, string? value, string message)
    {
        var community = await factory.Data.CommunityAsync();
        var registration = Registration.Valid(community).With(field, value);
        var stored = await _store.CountAsync(registration.Phone, registration.DisplayName);
        using var client = await factory.Data.BrowserAsync(null);

        var response = await Html.SubmitFormAsync(client, Page, registration.FormFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var input = field == "consentVersion" ? "Consent" : char.ToUpperInvariant(field[0]) + field[1..];
        Assert.Equal(message, page.QuerySelector($"#Input_{input}-error")?.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll(".field .error"));
        Assert.Equal(stored, await _store.CountAsync(registration.Phone, registration.DisplayName));
        Assert.Empty(Responses.AuthCookiesSet(response));
    }

    [Fact]
    public async Task Register_PhoneAlreadyRegistered_ShowsDuplicateMessageAndKeepsTheExistingAccount()
    {
        var community = await factory.Data.CommunityAsync();
        var existing = await factory.Data.UserAsync(community, "原来的账户");
        var registration = Registration.Valid(community) with { Phone = existing.Phone };
        using var client = await factory.Data.BrowserAsync(null);

        var response = await Html.SubmitFormAsync(client, Page, registration.FormFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("该手机号已注册，请直接登录", page.QuerySelector("#Input_Phone-error")?.TextContent.Trim());
        Assert.Equal(1, await _store.CountAsync(existing.Phone, registration.DisplayName));
        Assert.Equal("原来的账户", (await _store.FindAsync(existing.Phone))!.User.DisplayName);
    }
}

[Collection(SqliteLane.Name)]
public sealed class RegisterPageTestsOnSqlite(SqliteAppFactory factory) : RegisterPageTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RegisterPageTestsOnPostgres(PostgresAppFactory factory) : RegisterPageTests(factory);
