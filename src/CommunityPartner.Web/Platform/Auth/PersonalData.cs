using System.Text.RegularExpressions;

namespace CommunityPartner.Web.Platform.Auth;

/// <summary>Masks personal data for anything shown to people other than its owner (PIPL).</summary>
public static partial class PersonalData
{
    /// <summary>13900000011 → 139****0011.</summary>
    public static string MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 7 ? "***" : $"{phone[..3]}****{phone[^4..]}";

    /// <summary>张三丰 → 张**; Li Lei → L***.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "*" : name.Trim()[..1] + new string('*', Math.Clamp(name.Trim().Length - 1, 1, 3));

    /// <summary>A mainland China mobile number: 11 digits starting 13–19.</summary>
    public static bool IsMainlandMobile(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    /// <summary>Removes spaces, dashes and a +86/86 prefix people often type.</summary>
    public static string NormalizePhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits;
    }

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
