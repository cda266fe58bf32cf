using System.Reflection;
using CommunityPartner.Web.Modules;

namespace CommunityPartner.Tests.Platform.Architecture;

/// <summary>
/// ARCHITECTURE.md: a module uses another only through that module's Contracts; the platform never uses a module.
/// Modules are found in the Web assembly, so a new module is checked without being listed here.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Root = "CommunityPartner.Web";
    private static readonly Assembly Web = typeof(ModuleRegistry).Assembly;
    private static readonly ModuleRules Rules = new(Root);

    public static TheoryData<string> Modules()
    {
        var data = new TheoryData<string>();
        foreach (var module in Rules.Owners(Web).Values.Where(o => o != ModuleRules.Platform).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(module);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void ModuleTypes_UseOfOtherModules_GoesOnlyThroughContracts(string module)
    {
        var violations = Rules.Violations(Web, module);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void PlatformTypes_UseOfModules_IsNone()
    {
        var violations = Rules.Violations(Web, ModuleRules.Platform);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Modules_FoundInTheWebAssembly_IncludeTheFoundationModulesAndTheirViews()
    {
        var owners = Rules.Owners(Web);

        Assert.Contains("Communities", owners.Values);
        Assert.Contains("Accounts", owners.Values);
        Assert.Contains(owners, o => o.Key.Namespace == "AspNetCoreGeneratedDocument" && o.Value == "Communities");
        Assert.Contains(owners, o => o.Key.Namespace == "AspNetCoreGeneratedDocument" && o.Value == ModuleRules.Platform);
    }

    [Fact]
    public void TypeReferences_OfAWebPageModel_SeeSignatureAndMethodBodyTypes()
    {
        var page = typeof(Web.Modules.Communities.Admin.CommunityOverview.CommunityOverviewModel);
        var stateMachines = page.GetNestedTypes(BindingFlags.NonPublic);

        Assert.Contains(typeof(Web.Modules.Communities.Contracts.ICommunityDirectory), TypeReferences.Of(page)); // constructor parameter
        Assert.Contains(stateMachines, t => TypeReferences.Of(t).Contains(typeof(Web.Modules.Communities.Admin.AssignStaff.AssignStaffCommand))); // created in an async body
    }

    [Theory]
    [InlineData("Needs", "CommunityPartner.Web.Modules.Communities", true)]
    [InlineData("Needs", "CommunityPartner.Web.Modules.Communities.Admin.AssignStaff", true)]
    [InlineData("Needs", "CommunityPartner.Web.Modules.Communities.ContractsButNot", true)]
    [InlineData("Needs", "CommunityPartner.Web.Modules.Communities.Contracts", false)]
    [InlineData("Needs", "CommunityPartner.Web.Modules.Needs.RaiseNeed", false)]
    [InlineData("Needs", "CommunityPartner.Web.Platform.Auth", false)]
    [InlineData("Platform", "CommunityPartner.Web.Modules.Communities.Contracts", true)]
    [InlineData("Platform", "CommunityPartner.Web.Platform.Data", false)]
    public void Violation_FabricatedReference_IsJudgedByTheRule(string fromOwner, string toNamespace, bool violates) =>
        Assert.Equal(violates, Rules.Violation(fromOwner, toNamespace) is not null);

    [Fact]
    public void Violations_InFabricatedModules_AreFoundIncludingMethodBodies()
    {
        var rules = new ModuleRules(typeof(ModuleBoundaryTests).Namespace + ".Fixture");
        var tests = typeof(ModuleBoundaryTests).Assembly;

        var alpha = rules.Violations(tests, "Alpha");
        var platform = rules.Violations(tests, ModuleRules.Platform);

        Assert.Equal(2, alpha.Count);
        Assert.All(alpha, v => Assert.Contains("BetaSecret", v, StringComparison.Ordinal));
        Assert.Contains(alpha, v => v.Contains("AlphaPeeksInside uses ", StringComparison.Ordinal));
        Assert.Contains(alpha, v => v.Contains("AlphaPeeksInside+<PeekAsync>", StringComparison.Ordinal));
        Assert.Contains(platform, v => v.Contains("PlatformNamesAModule uses ", StringComparison.Ordinal) && v.Contains("BetaInfo", StringComparison.Ordinal));
    }
}
