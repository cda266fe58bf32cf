using System.Globalization;
using System.Text;

namespace CommunityPartner.Tests.Platform.Localization;

/// <summary>A string literal found in C# source: its value (escapes resolved) and whether it was interpolated.</summary>
public sealed record CSharpString(string Value, int Line, bool Interpolated);

/// <summary>
/// A small C# lexer that yields every string literal and skips comments and char literals, so Chinese in doc comments
/// is not mistaken for a localization key. Handles regular, verbatim, interpolated and raw strings; the holes of an
/// interpolated string are lexed too, so a literal inside a hole is found on its own.
/// </summary>
public static class CSharpStrings
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static IReadOnlyList<CSharpString> Read(string source)
    {
        var found = new List<CSharpString>();
        var i = 0;
        Lex(source, ref i, found, stopAtBrace: false);
        return found;
    }

    private static void Lex(string s, ref int i, List<CSharpString> found, bool stopAtBrace)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1, '/'))
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(s, i + 1, '*'))
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
            }
            else if (c == '\'')
            {
                i++;
                while (i < s.Length && s[i] != '\'')
                {
                    i += s[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (c is '"' or '@' or '$' && StringStart(s, i) is { } start)
            {
                ReadString(s, ref i, start, found);
            }
            else if (stopAtBrace && c == '{')
            {
                depth++;
                i++;
            }
            else if (stopAtBrace && c == '}')
            {
                if (depth-- == 0)
                {
                    return;
                }

                i++;
            }
            else
            {
                i++;
            }
        }
    }

    private sealed record Start(bool Verbatim, int Dollars, int Quotes, int Length);

    /// <summary>Recognises the opening of a string literal at <paramref name="i"/>: any of " @" $" $@" @$" """ $""".</summary>
    private static Start? StringStart(string s, int i)
    {
        var j = i;
        var verbatim = false;
        var dollars = 0;
        while (j < s.Length && (s[j] == '$' || (s[j] == '@' && !verbatim)))
        {
            verbatim |= s[j] == '@';
            dollars += s[j] == '$' ? 1 : 0;
            j++;
        }

        if (!At(s, j, '"'))
        {
            return null;
        }

        var quotes = 0;
        while (At(s, j + quotes, '"'))
        {
            quotes++;
        }

        // "" is an empty regular string, not the start of a raw one.
        quotes = quotes >= 3 && !verbatim ? quotes : 1;
        return new Start(verbatim, dollars, quotes, j - i + quotes);
    }

    private static void ReadString(string s, ref int i, Start start, List<CSharpString> found)
    {
        var line = s.AsSpan(0, i).Count('\n') + 1;
        i += start.Length;
        var value = new StringBuilder();
        var close = new string('"', start.Quotes);
        var raw = start.Quotes >= 3;
        while (i < s.Length)
        {
            if (raw ? string.CompareOrdinal(s, i, close, 0, close.Length) == 0 : s[i] == '"' && !(start.Verbatim && At(s, i + 1, '"')))
            {
                i += close.Length;
                break;
            }

            var run = start.Dollars > 0 ? Run(s, i, s[i]) : 0;
            if (run > 0 && s[i] == '{' && (raw ? run >= start.Dollars : run % 2 == 1))
            {
                // An interpolation hole: {x} (after any {{ escapes), or {{x}} in a $$""" raw string.
                var literal = raw ? run - start.Dollars : run - 1;
                value.Append('{', raw ? literal : literal / 2).Append('{');
                i += run;
                Lex(s, ref i, found, stopAtBrace: true);
                i += start.Dollars;
                value.Append('}');
            }
            else if (run > 0 && !raw)
            {
                // {{ and }} are escaped braces.
                value.Append(s[i], run / 2);
                i += run;
            }
            else if (start.Verbatim && s[i] == '"')
            {
                value.Append('"');
                i += 2;
            }
            else if (!start.Verbatim && !raw && s[i] == '\\')
            {
                i = Unescape(s, i, value);
            }
            else
            {
                value.Append(s[i]);
                i++;
            }
        }

        found.Add(new CSharpString(value.ToString(), line, start.Dollars > 0));
    }

    private static int Unescape(string s, int i, StringBuilder value)
    {
        var e = At(s, i + 1, 'u') || At(s, i + 1, 'x') ? s[i + 1] : '\0';
        if (e != '\0')
        {
            var digits = s.AsSpan(i + 2, Math.Min(4, s.Length - i - 2));
            var n = e == 'u' ? 4 : digits.IndexOfAnyExcept(HexDigits) is var k and >= 0 ? k : digits.Length;
            value.Append((char)int.Parse(digits[..n], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            return i + 2 + n;
        }

        value.Append(s[i + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', var other => other });
        return i + 2;
    }

    /// <summary>How many times <paramref name="c"/> repeats from <paramref name="i"/> when it is a brace; 0 otherwise.</summary>
    private static int Run(string s, int i, char c)
    {
        if (c is not ('{' or '}'))
        {
            return 0;
        }

        var n = 0;
        while (At(s, i + n, c))
        {
            n++;
        }

        return n;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;
}
