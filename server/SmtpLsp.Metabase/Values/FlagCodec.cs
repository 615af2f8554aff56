using SmtpLsp.Metabase.Catalog;
using SmtpLsp.Metabase.Text;

namespace SmtpLsp.Metabase.Values;

/// <summary>A name in a symbolic flag list; <see cref="Span"/> is relative to the raw value.</summary>
public readonly record struct FlagToken(string Text, TextSpan Span);

/// <summary>Tokens of <c>A | B</c> plus the spans of empty items (<c>A || B</c>, a trailing <c>|</c>).</summary>
public sealed record SymbolicParse(IReadOnlyList<FlagToken> Tokens, IReadOnlyList<TextSpan> EmptyItems);

public enum FlagValueProblemKind { Empty, EmptyItem, UnknownName, NotANumber, OutOfRange }

public sealed record FlagValueProblem(FlagValueProblemKind Kind, TextSpan Span, string Text);

/// <summary>The numeric value of a raw bitmask text (null when a problem prevents it) and what is wrong with it.</summary>
public sealed record FlagValueResolution(uint? Value, bool WasNumeric, IReadOnlyList<FlagValueProblem> Problems);

/// <summary>Result of <see cref="FlagCodec.Encode"/>: the value, or the first name the table does not know.</summary>
public readonly record struct FlagEncodeResult(uint Value, string? UnknownName)
{
    public bool Succeeded => UnknownName is null;
}

/// <summary>Converts bitmask values between numbers and flag names.</summary>
public static class FlagCodec
{
    public static FlagDecoding Decode(FlagTable table, uint value, uint? defaultValue)
    {
        var set = new List<FlagInfo>();
        var unset = new List<FlagInfo>();
        var enabled = new List<FlagInfo>();
        var disabled = new List<FlagInfo>();
        foreach (var f in table.Flags)
        {
            bool on = (value & f.Value) == f.Value && f.Value != 0;
            (on ? set : unset).Add(f);
            if (defaultValue is { } d)
            {
                bool defaultOn = (d & f.Value) == f.Value && f.Value != 0;
                if (on && !defaultOn) enabled.Add(f);
                else if (!on && defaultOn) disabled.Add(f);
            }
        }
        uint undocumented = value & table.UndocumentedDefaultBits;
        uint unknown = value & ~table.DefinedMask & ~table.UndocumentedDefaultBits;
        return new FlagDecoding(value, set, unset, undocumented, unknown, enabled, disabled, defaultValue);
    }

    public static SymbolicParse ParseSymbolic(string raw)
    {
        var tokens = new List<FlagToken>();
        var empty = new List<TextSpan>();
        if (string.IsNullOrWhiteSpace(raw)) return new SymbolicParse(tokens, empty);
        int itemStart = 0;
        while (true)
        {
            int bar = raw.IndexOf('|', itemStart);
            int itemEnd = bar < 0 ? raw.Length : bar;
            int s = itemStart, e = itemEnd;
            while (s < e && IsSpace(raw[s])) s++;
            while (e > s && IsSpace(raw[e - 1])) e--;
            if (s == e) empty.Add(TextSpan.FromBounds(itemStart, itemEnd));
            else tokens.Add(new FlagToken(raw[s..e], TextSpan.FromBounds(s, e)));
            if (bar < 0) break;
            itemStart = bar + 1;
        }
        return new SymbolicParse(tokens, empty);
    }

    /// <summary>
    /// Reads a bitmask value as written in a file: a decimal number (any table) or a symbolic list (names of a
    /// symbolic table). A numeric value's bits are not judged here; use <see cref="Decode"/> for that.
    /// </summary>
    public static FlagValueResolution ResolveValue(PropertyInfo property, string raw)
    {
        var whole = new TextSpan(0, raw.Length);
        if (raw.Length == 0) return new(null, false, [new(FlagValueProblemKind.Empty, whole, raw)]);
        if (raw[0] is (>= '0' and <= '9') or '-')
        {
            if (DwordValue.TryParse(raw, allowHex: false, out var n, out var error)) return new(n, true, []);
            var kind = error == DwordParseError.OutOfRange ? FlagValueProblemKind.OutOfRange : FlagValueProblemKind.NotANumber;
            return new(null, true, [new(kind, whole, raw)]);
        }
        var table = property.Flags;
        var parse = ParseSymbolic(raw);
        var problems = new List<FlagValueProblem>();
        foreach (var span in parse.EmptyItems) problems.Add(new(FlagValueProblemKind.EmptyItem, span, raw.Substring(span.Start, span.Length)));
        uint value = 0;
        foreach (var token in parse.Tokens)
        {
            if (table?.Find(token.Text) is { } flag) value |= flag.Value;
            else problems.Add(new(table is null ? FlagValueProblemKind.NotANumber : FlagValueProblemKind.UnknownName, token.Span, token.Text));
        }
        if (parse.Tokens.Count == 0 && problems.Count == 0) problems.Add(new(FlagValueProblemKind.Empty, whole, raw));
        problems.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        bool blocking = problems.Any(p => p.Kind != FlagValueProblemKind.EmptyItem);
        return new(blocking ? null : value, false, problems);
    }

    public static FlagEncodeResult Encode(FlagTable table, IEnumerable<string> names)
    {
        uint value = 0;
        foreach (var name in names)
        {
            if (table.Find(name) is not { } flag) return new FlagEncodeResult(0, name);
            value |= flag.Value;
        }
        return new FlagEncodeResult(value, null);
    }

    /// <summary>
    /// <c>A | B</c> in table order; null when the value has bits no flag names, or is 0 (no name stands for it: an
    /// empty value is not a DWORD, and the schema writes 0).
    /// </summary>
    public static string? FormatSymbolic(FlagTable table, uint value)
    {
        if (value == 0 || (value & ~table.DefinedMask) != 0) return null;
        var names = new List<string>();
        uint covered = 0;
        foreach (var f in table.Flags)
        {
            if (f.Value != 0 && (value & f.Value) == f.Value && (covered & f.Value) != f.Value)
            {
                names.Add(f.Name);
                covered |= f.Value;
            }
        }
        return string.Join(" | ", names);
    }

    public static uint WithFlag(uint value, FlagInfo flag, bool on) => on ? value | flag.Value : value & ~flag.Value;

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
