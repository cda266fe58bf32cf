using CommunityPartner.Web.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>Identity's messages in the user's language, phrased for phone-number accounts.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "该手机号已注册，请直接登录");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "请输入 11 位中国大陆手机号");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "密码至少 {0} 位", length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含至少一个数字");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), "密码至少包含 {0} 个不同的字符", uniqueChars);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码不正确");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后再试");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "该账户已有此角色");

    private IdentityError Error(string code, string key, params object[] args) =>
        new() { Code = code, Description = text[key, args] };
}
