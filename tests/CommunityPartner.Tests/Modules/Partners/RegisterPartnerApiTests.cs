using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityPartner.Tests.Infrastructure;
using CommunityPartner.Tests.Modules.Accounts;
using CommunityPartner.Web.Modules.Partners;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>POST /api/v1/partners: a good registration waits for review; each bad field is named and nothing is stored.</summary>
public abstract class RegisterPartnerApiTests(AppFactory factory)
{
    private readonly PartnersTestData _partners = new(factory);

    [Fact]
    public async Task Register_OrganisationWithValidCode_Is201PendingAndCallerIsMember()
    {
        var community = await factory.Data.CommunityAsync();
        var user = await factory.Data.UserAsync(community);
        using var client = await factory.Data.ApiClientAsync(user);
        var code = PartnersTestData.NewCreditCode();
        var body = PartnersTestData.Body(community, code: $" {code[..9].ToLowerInvariant()} {code[9..]} ");

        var response = await client.PostAsJsonAsync("/api/v1/partners", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/partners/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("pending", "enterprise", code), (json.GetProperty("status").GetString(), json.GetProperty("type").GetString(), json.GetProperty("creditCode").GetString()));
        Assert.Equal((string)body["contactPhone"]!, json.GetProperty("contactPhone").GetString());
        var partner = await _partners.LoadAsync(id);
        Assert.Equal(PartnerStatus.Pending, partner.Status);
        Assert.Equal(code, partner.CreditCode);
        Assert.Equal([user.Id], partner.Members.Select(m => m.UserId));
        Assert.Equal(["funding", "it"], partner.Strengths.Select(s => s.Code).Order());
        Assert.Equal([community.Id], partner.Communities.Select(c => c.CommunityId));
        Assert.Contains(await _partners.AuditOfAsync(id), a => a.Action == "partners.register" && a.ActorId == user.Id);
    }

    [Fact]
    public async Task Register_IndividualWithoutCode_Is201()
    {
        var community = await factory.Data.CommunityAsync();
        using var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));

        var response = await client.PostAsJsonAsync("/api/v1/partners", PartnersTestData.Body(community, type: "individual"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("individual", JsonValueKind.Null), (json.GetProperty("type").GetString(), json.GetProperty("creditCode").ValueKind));
    }

    [Fact]
    public async Task Register_SameCodeTwice_IsFieldErrorOnCreditCodeAndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        var code = PartnersTestData.NewCreditCode();
        await PartnersTestData.RegisterAsync(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community)), PartnersTestData.Body(community, code: code));
        using var second = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var rows = await _partners.CountRowsAsync();

        var response = await second.PostAsJsonAsync("/api/v1/partners", PartnersTestData.Body(community, code: code));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal(["这个统一社会信用代码已经登记过，请联系该合伙人的成员邀请你加入"], errors["creditCode"]);
        Assert.Equal(rows, await _partners.CountRowsAsync());
    }

    [Fact]
    public async Task Register_TenAtOnceWithTheSameCode_ExactlyOneSucceeds()
    {
        var community = await factory.Data.CommunityAsync();
        var code = PartnersTestData.NewCreditCode();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community)));
        }

        var rows = await _partners.CountRowsAsync();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/partners", PartnersTestData.Body(community, code: code))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("creditCode", ProblemJson.Errors(await ProblemJson.ReadAsync(refused)).Keys);
        }

        var after = await _partners.CountRowsAsync();
        Assert.Equal((rows.Partners + 1, rows.Members + 1), (after.Partners, after.Members));
        Assert.Equal(1, await _partners.QueryAsync(db => Task.FromResult(db.Set<Partner>().Count(p => p.CreditCode == code))));
        clients.ForEach(c => c.Dispose());
    }

    public static TheoryData<string, string, string> BadPartners() => new()
    {
        { "type-missing", "type", "请选择合伙人类型：企事业单位、爱心商家、社会组织或爱心人士" },
        { "type-unknown", "type", "请选择合伙人类型：企事业单位、爱心商家、社会组织或爱心人士" },
        { "name-empty", "name", "请填写名称" },
        { "name-61", "name", "名称不能超过 60 个字" },
        { "contactName-empty", "contactName", "请填写联系人" },
        { "contactName-31", "contactName", "联系人不能超过 30 个字" },
        { "contactPhone-empty", "contactPhone", "请填写联系电话" },
        { "contactPhone-landline", "contactPhone", "请填写 11 位手机号码" },
        { "creditCode-missing", "creditCode", "单位和组织请填写统一社会信用代码" },
        { "creditCode-17", "creditCode", "统一社会信用代码应为 18 位" },
        { "creditCode-letter-O", "creditCode", "统一社会信用代码只含数字和大写字母，且不含 I、O、S、V、Z" },
        { "creditCode-organisation-digit", "creditCode", "统一社会信用代码第 9–17 位（组织机构代码）校验不通过，请核对是否抄错" },
        { "creditCode-last", "creditCode", "统一社会信用代码最后一位校验不通过，请核对是否抄错" },
        { "creditCode-swap", "creditCode", "统一社会信用代码最后一位校验不通过，请核对是否抄错" },
        { "strengths-none", "strengths", "请至少选择一项擅长的事" },
        { "strengths-unknown", "strengths", "没有“bitcoin”这个擅长领域，请从列表中选择" },
        { "strengths-blank", "strengths", "请至少选择一项擅长的事" },
        { "communities-none", "communities", "请至少选择一个服务的社区" },
        { "communities-unknown", "communities", "没有“no-such-community”这个社区，请从列表中选择" },
        { "communities-blank", "communities", "请至少选择一个服务的社区" },
        { "introduction-1001", "introduction", "介绍不能超过 1000 个字" },
    };

    [Theory]
    [MemberData(nameof(BadPartners))]
    public async Task Register_BadInput_IsFieldErrorAndStoresNothing(string name, string field, string message)
    {
        var community = await factory.Data.CommunityAsync();
        using var client = await factory.Data.ApiClientAsync(await factory.Data.UserAsync(community));
        var body = PartnersTestData.Body(community);
        var code = (string)body["creditCode"]!;
        switch (name)
        {
            case "type-missing": body.Remove("type"); break;
            case "type-unknown": body["type"] = "government"; break;
            case "name-empty": body["name"] = "  "; break;
            case "name-61": body["name"] = new string('名', Partner.NameMax + 1); break;
            case "contactName-empty": body["contactName"] = ""; break;
            case "contactName-31": body["contactName"] = new string('联', Partner.ContactNameMax + 1); break;
            case "contactPhone-empty": body["contactPhone"] = null; break;
            case "contactPhone-landline": body["contactPhone"] = "0591-88888888"; break;
            case "creditCode-missing": body["creditCode"] = " "; break;
            case "creditCode-17": body["creditCode"] = code[..17]; break;
            case "creditCode-letter-O": body["creditCode"] = "O" + code[1..]; break;
            case "creditCode-organisation-digit": body["creditCode"] = code[..9] + (code[9] == '1' ? '2' : '1') + code[10..]; break;
            case "creditCode-last": body["creditCode"] = code[..17] + (code[17] == 'A' ? 'B' : 'A'); break;
            case "creditCode-swap": body["creditCode"] = "19" + code[2..]; break;
            case "strengths-none": body["strengths"] = Array.Empty<string>(); break;
            case "strengths-unknown": body["strengths"] = new[] { "funding", "bitcoin" }; break;
            case "strengths-blank": body["strengths"] = new[] { " " }; break;
            case "communities-blank": body["communities"] = new[] { "" }; break;
            case "communities-none": body["communities"] = Array.Empty<string>(); break;
            case "communities-unknown": body["communities"] = new[] { community.Code, "no-such-community" }; break;
            case "introduction-1001": body["introduction"] = new string('介', Partner.IntroductionMax + 1); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }

        var rows = await _partners.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/partners", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = ProblemJson.Errors(await ProblemJson.ReadAsync(response));
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
        Assert.Equal(rows, await _partners.CountRowsAsync());
    }

    [Fact]
    public async Task Register_Anonymous_Is401AndStoresNothing()
    {
        var community = await factory.Data.CommunityAsync();
        using var client = await factory.Data.ApiClientAsync(null);
        var rows = await _partners.CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/v1/partners", PartnersTestData.Body(community));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(rows, await _partners.CountRowsAsync());
    }
}

[Collection(SqliteLane.Name)]
public sealed class RegisterPartnerApiTestsOnSqlite(SqliteAppFactory factory) : RegisterPartnerApiTests(factory);

[Collection(PostgresLane.Name)]
public sealed class RegisterPartnerApiTestsOnPostgres(PostgresAppFactory factory) : RegisterPartnerApiTests(factory);
