using CommunityPartner.Tests.Infrastructure;

namespace CommunityPartner.Tests.Modules.Accounts.Register;

/// <summary>A registration that passes every rule; each refusal case changes exactly one field of it.</summary>
public sealed record Registration(string Phone, string Password, string DisplayName, string CommunityCode, string? ConsentVersion)
{
    public const string ConsentVersionNow = "2025-06";

    public static Registration Valid(CommunityRef community) =>
        new(TestData.NewPhone(), TestData.Password, $"居民{Guid.NewGuid():N}"[..10], community.Code, ConsentVersionNow);

    /// <summary>The same registration with one API field (phone, password, displayName, communityCode, consentVersion) replaced.</summary>
    public Registration With(string field, string? value) => field switch
    {
        "phone" => this with { Phone = value ?? "" },
        "password" => this with { Password = value ?? "" },
        "displayName" => this with { DisplayName = value ?? "" },
        "communityCode" => this with { CommunityCode = value ?? "" },
        "consentVersion" => this with { ConsentVersion = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a registration field"),
    };

    /// <summary>The register page's form fields; consent is a checkbox, ticked only for the current version.</summary>
    public Dictionary<string, string> FormFields()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Phone"] = Phone,
            ["Input.Password"] = Password,
            ["Input.DisplayName"] = DisplayName,
            ["Input.CommunityCode"] = CommunityCode,
        };
        if (ConsentVersion == ConsentVersionNow)
        {
            fields["Input.Consent"] = "true";
        }

        return fields;
    }

    public object ApiBody() => new
    {
        phone = Phone,
        password = Password,
        displayName = DisplayName,
        communityCode = CommunityCode,
        consentVersion = ConsentVersion,
    };

    /// <summary>One field made invalid (API field name, value) and the Chinese message the person must see.</summary>
    public static TheoryData<string, string?, string> Refusals => new()
    {
        { "phone", "", "请填写手机号" },
        { "phone", "1370000000", "请输入 11 位中国大陆手机号" },
        { "phone", "137000000001", "请输入 11 位中国大陆手机号" },
        { "phone", "1370000abcd", "请输入 11 位中国大陆手机号" },
        { "phone", "12012345678", "请输入 11 位中国大陆手机号" },
        { "password", "abc1", "密码至少 8 位" },
        { "password", "abcdefgh", "密码须包含至少一个数字" },
        { "displayName", "", "请填写称呼" },
        { "displayName", "一二三四五六七八九十一二三四五六七八九十一", "称呼不能超过 20 个字" },
        { "communityCode", "no-such-community", "没有这个社区，请从列表中选择" },
        { "consentVersion", null, "请阅读并同意隐私政策后再注册" },
    };
}
