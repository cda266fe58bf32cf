namespace CommunityPartner.Web.Modules.Partners;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet (no I, O,
/// S, V, Z). Characters 9–17 are the organisation code with its own GB 11714 check digit; character 18 checks the
/// first 17. Both checks catch a mistyped or swapped character, so a wrong code is refused with the reason.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public enum Problem
    {
        None,
        Length,
        Characters,
        OrganisationCheck,
        CheckCharacter,
    }

    public static string Normalize(string? code) => (code ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static Problem Check(string normalized)
    {
        if (normalized.Length != Length)
        {
            return Problem.Length;
        }

        if (normalized.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return Problem.Characters;
        }

        if (!OrganisationCodeIsValid(normalized.AsSpan(8, 9)))
        {
            return Problem.OrganisationCheck;
        }

        var sum = 0;
        var weight = 1;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += Alphabet.IndexOf(normalized[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        var expected = (31 - (sum % 31)) % 31;
        return Alphabet[expected] == normalized[Length - 1] ? Problem.None : Problem.CheckCharacter;
    }

    public static string MessageKey(Problem problem) => problem switch
    {
        Problem.Length => "统一社会信用代码应为 18 位",
        Problem.Characters => "统一社会信用代码只含数字和大写字母，且不含 I、O、S、V、Z",
        Problem.OrganisationCheck => "统一社会信用代码第 9–17 位（组织机构代码）校验不通过，请核对是否抄错",
        Problem.CheckCharacter => "统一社会信用代码最后一位校验不通过，请核对是否抄错",
        _ => "",
    };

    /// <summary>GB 11714: eight characters (digits, or letters valued A=10 … Z=35) and a check digit or X.</summary>
    private static bool OrganisationCodeIsValid(ReadOnlySpan<char> code)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = code[i];
            var value = c is >= '0' and <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * OrgWeights[i];
        }

        var check = 11 - (sum % 11);
        var expected = check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
        return code[8] == expected;
    }
}
