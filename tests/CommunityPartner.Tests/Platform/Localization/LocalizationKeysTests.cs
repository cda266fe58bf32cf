namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>The key scanner itself: what it must find and what it must leave alone.</summary>
public sealed class LocalizationKeysTests
{
    [Fact]
    public void ReadCSharp_CommentsCharsAndEveryLiteralKind_YieldsOnlyLiteralValues()
    {
        const string source = """"
            /// <summary>文档注释 "不是键"</summary>
            var a = "甲"; // 行注释 "也不是"
            /* 块注释 "还不是" */
            var b = '"';
            var c = @"乙""引号""";
            var d = "丙\"转义\"\u4E01";
            var e = $"戊{(x ? "己" : "庚")}{{括号}}";
            var f = """
                辛
                """;
            """";

        var values = CSharpStrings.Read(source).Select(s => (s.Value.Trim(), s.Interpolated)).ToList();

        Assert.Equal(
            [("甲", false), ("乙\"引号\"", false), ("丙\"转义\"丁", false), ("己", false), ("庚", false), ("戊{}{括号}", true), ("辛", false)],
            values);
    }

    [Fact]
    public void FromCSharp_PlainAndInterpolatedChinese_KeysThePlainOneAndFlagsTheOther()
    {
        List<LocalizationKey> keys = [];
        List<LocalizationProblem> problems = [];

        LocalizationKeys.FromCSharp("""errors.Add("name", "请填写称呼"); log($"共 {n} 条"); var code = "shangma";""", "X.cs", keys, problems);

        Assert.Equal(["请填写称呼"], keys.Select(k => k.Key));
        Assert.Equal(["共 {} 条"], problems.Select(p => p.Text));
    }

    [Fact]
    public void FromRazor_LocalizerCallsAndFieldAttributes_AreKeysAndOtherChineseIsAProblem()
    {
        const string view = """
            @* 注释里的中文不算 *@
            <h1>@T["登录"]</h1>
            <p>@T["有 {0} 处需要修改", n]</p>
            <field for="Input.Phone" label="手机号" hint="11 位手机号" type="tel" />
            <a>@(english ? "中文" : "English")</a>
            <p>写死的中文</p>
            """;
        List<LocalizationKey> keys = [];
        List<LocalizationProblem> problems = [];

        LocalizationKeys.FromRazor(view, "V.cshtml", keys, problems);

        Assert.Equal(["登录", "有 {0} 处需要修改", "手机号", "11 位手机号"], keys.Select(k => k.Key));
        Assert.Equal([2, 3, 4, 4], keys.Select(k => k.Line));
        var problem = Assert.Single(problems);
        Assert.Equal(6, problem.Line);
        Assert.Equal("<p>写死的中文</p>", problem.Text);
    }
}
