using System.Reflection;
using System.Reflection.Emit;

namespace CommunityPartner.Tests.Platform.Architecture;

/// <summary>
/// Every type a type uses: its signature (base type, interfaces, fields, properties, events, constructor and method
/// parameters and returns, attributes) and its method bodies (locals and the types, methods and fields the IL names,
/// so a <c>db.Set&lt;Other&gt;()</c> inside a handler counts too). Generic arguments and element types are unwrapped.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Expand(t, found);

        Add(type.BaseType);
        type.GetInterfaces().ToList().ForEach(Add);
        type.CustomAttributes.Select(a => a.AttributeType).ToList().ForEach(Add);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }

        foreach (var e in type.GetEvents(Declared))
        {
            Add(e.EventHandlerType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            method.GetParameters().Select(p => p.ParameterType).ToList().ForEach(Add);
            method.CustomAttributes.Select(a => a.AttributeType).ToList().ForEach(Add);
            ScanBody(method, Add);
        }

        return found;
    }

    private static void ScanBody(MethodBase method, Action<Type?> add)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            add(local.LocalType);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = (short)il[i++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[i++]));
            }

            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                switch (member)
                {
                    case Type t:
                        add(t);
                        break;
                    case FieldInfo f:
                        add(f.DeclaringType);
                        add(f.FieldType);
                        break;
                    case MethodBase m:
                        add(m.DeclaringType);
                        (m.IsGenericMethod ? m.GetGenericArguments() : []).ToList().ForEach(add);
                        break;
                }
            }

            i += OperandSize(op.OperandType, il, i);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static void Expand(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Expand(type.GetElementType(), found);
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Expand(argument, found);
            }
        }
    }
}
