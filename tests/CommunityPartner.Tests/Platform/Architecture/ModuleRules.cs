using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace CommunityPartner.Tests.Platform.Architecture;

/// <summary>
/// Who owns a type (a module, the platform, or nobody such as the composition root) and which references break the
/// rules: a module uses another only through its Contracts namespace; the platform uses no module at all.
/// </summary>
public sealed class ModuleRules(string rootNamespace)
{
    public const string Platform = "Platform";

    private string ModulesPrefix => rootNamespace + ".Modules.";

    /// <summary>"Communities" for CommunityPartner.Web.Modules.Communities.Admin.X, "Platform" for the platform, else null.</summary>
    public string? OwnerOfNamespace(string? ns)
    {
        if (ns is null)
        {
            return null;
        }

        if (ns.StartsWith(ModulesPrefix, StringComparison.Ordinal))
        {
            return ns[ModulesPrefix.Length..].Split('.')[0];
        }

        return ns == $"{rootNamespace}.{Platform}" || ns.StartsWith($"{rootNamespace}.{Platform}.", StringComparison.Ordinal) ? Platform : null;
    }

    /// <summary>Null when code owned by <paramref name="fromOwner"/> may use a type of <paramref name="toNamespace"/>, else why not.</summary>
    public string? Violation(string fromOwner, string? toNamespace)
    {
        var toOwner = OwnerOfNamespace(toNamespace);
        if (toOwner is null or Platform || toOwner == fromOwner)
        {
            return null;
        }

        if (fromOwner == Platform)
        {
            return $"the platform must not use module {toOwner}";
        }

        var contracts = $"{ModulesPrefix}{toOwner}.Contracts";
        return toNamespace == contracts || toNamespace!.StartsWith(contracts + ".", StringComparison.Ordinal)
            ? null
            : $"module {fromOwner} may use module {toOwner} only through {contracts}";
    }

    /// <summary>The owner of each type of the assembly; compiled Razor views belong to the folder of their .cshtml.</summary>
    public IReadOnlyDictionary<Type, string> Owners(Assembly assembly)
    {
        var views = assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .ToDictionary(a => a.Type, a => OwnerOfNamespace(rootNamespace + a.Identifier.Replace('/', '.')));
        var owners = new Dictionary<Type, string>();
        foreach (var type in assembly.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is not null)
            {
                outer = outer.DeclaringType;
            }

            var owner = views.TryGetValue(outer, out var view) ? view : OwnerOfNamespace(type.Namespace);
            if (owner is not null)
            {
                owners[type] = owner;
            }
        }

        return owners;
    }

    /// <summary>Every broken rule in the assembly for the given owner, one line each.</summary>
    public IReadOnlyList<string> Violations(Assembly assembly, string owner) =>
        [.. Owners(assembly)
            .Where(o => o.Value == owner)
            .SelectMany(o => TypeReferences.Of(o.Key)
                .Where(t => t.Assembly == assembly)
                .Select(t => (From: o.Key, To: t, Why: Violation(owner, t.Namespace))))
            .Where(v => v.Why is not null)
            .Select(v => $"{v.From.FullName} uses {v.To.FullName}: {v.Why}")
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
