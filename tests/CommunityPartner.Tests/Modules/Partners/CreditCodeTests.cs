using CommunityPartner.Web.Modules.Partners;

namespace CommunityPartner.Tests.Modules.Partners;

/// <summary>GB 32100 with the GB 11714 organisation-code check: real codes pass, each kind of mistake is named.</summary>
public sealed class CreditCodeTests
{
    public static readonly TheoryData<string> Valid = new() { "91350100M000100Y43", "91110000600037341L", "5251000050987654XB" };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_ValidExamples_Pass(string code) => Assert.Equal(CreditCode.Problem.None, CreditCode.Check(code));

    [Theory]
    [MemberData(nameof(Valid))]
    public void Normalize_LowerCaseAndSpaces_ThenPasses(string code)
    {
        var typed = $"  {code[..6].ToLowerInvariant()} {code[6..12]} {code[12..].ToLowerInvariant()} ";

        Assert.Equal(code, CreditCode.Normalize(typed));
        Assert.Equal(CreditCode.Problem.None, CreditCode.Check(CreditCode.Normalize(typed)));
    }

    [Fact]
    public void Check_LowerCaseWithoutNormalize_IsCharacters() =>
        Assert.Equal(CreditCode.Problem.Characters, CreditCode.Check("91350100m000100y43"));

    [Theory]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("913501")]
    public void Check_WrongLength_IsLength(string code) => Assert.Equal(CreditCode.Problem.Length, CreditCode.Check(code));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    [InlineData('-')]
    public void Check_ForbiddenCharacter_IsCharacters(char bad)
    {
        foreach (var position in new[] { 0, 8, 17 })
        {
            var code = "91350100M000100Y43".ToCharArray();
            code[position] = bad;
            Assert.Equal(CreditCode.Problem.Characters, CreditCode.Check(new string(code)));
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_ChangedOrganisationCodeDigit_IsOrganisationCheck(string code)
    {
        // Digits only: a letter is worth 10–35, so changing it by a multiple of 11 (Y → 1) is beyond what a mod-11 check can see.
        for (var position = 8; position < 17; position++)
        {
            if (!char.IsAsciiDigit(code[position]))
            {
                continue;
            }

            var chars = code.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + 1) % 10));
            Assert.Equal(CreditCode.Problem.OrganisationCheck, CreditCode.Check(new string(chars)));
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_ChangedLastCharacter_IsCheckCharacter(string code)
    {
        foreach (var last in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != code[^1]))
        {
            Assert.Equal(CreditCode.Problem.CheckCharacter, CreditCode.Check(code[..^1] + last));
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_ChangedRegionCharacter_IsCheckCharacter(string code)
    {
        var chars = code.ToCharArray();
        chars[3] = chars[3] == '1' ? '2' : '1';
        Assert.Equal(CreditCode.Problem.CheckCharacter, CreditCode.Check(new string(chars)));
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Check_SwapOfAdjacentCharacters_IsCaught(string code)
    {
        for (var i = 0; i < CreditCode.Length - 1; i++)
        {
            if (code[i] == code[i + 1])
            {
                continue;
            }

            var chars = code.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            Assert.True(CreditCode.Check(new string(chars)) != CreditCode.Problem.None, $"swap at {i} of {code} passed");
        }
    }

    [Fact]
    public void MessageKey_EachProblem_HasItsChineseMessage()
    {
        foreach (var problem in Enum.GetValues<CreditCode.Problem>().Where(p => p != CreditCode.Problem.None))
        {
            Assert.StartsWith("统一社会信用代码", CreditCode.MessageKey(problem));
        }
    }

    [Fact]
    public void TestGenerator_MakesCodesTheAppAccepts()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(CreditCode.Problem.None, CreditCode.Check(PartnersTestData.NewCreditCode()));
        }
    }
}
