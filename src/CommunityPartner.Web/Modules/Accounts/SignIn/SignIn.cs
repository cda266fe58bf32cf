using CommunityPartner.Web.Platform.Auth;
using CommunityPartner.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;

namespace CommunityPartner.Web.Modules.Accounts.SignIn;

/// <summary>
/// Checks a phone and password, counting failures towards lockout. An unknown phone and a wrong password get the
/// same answer, and take about as long, so the form does not tell who has an account.
/// </summary>
public sealed class SignInHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public const string WrongCredentials = "手机号或密码不正确";
    public const string LockedOut = "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试";

    private static readonly AppUser Nobody = new();
    private static string? _nobodyHash;

    public async Task<Result<AppUser>> CheckAsync(string? phone, string? password)
    {
        var errors = new ValidationErrors();
        var normalized = PersonalData.NormalizePhone(phone);
        if (!PersonalData.IsMainlandMobile(normalized))
        {
            errors.Add("phone", "请输入 11 位中国大陆手机号");
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "请填写密码");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        var user = await users.FindByNameAsync(normalized);
        if (user is null)
        {
            _nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, "not-a-real-password-0");
            users.PasswordHasher.VerifyHashedPassword(Nobody, _nobodyHash, password!);
            return ValidationErrors.Of("", WrongCredentials);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user;
        }

        return ValidationErrors.Of("", result.IsLockedOut ? LockedOut : WrongCredentials);
    }
}
