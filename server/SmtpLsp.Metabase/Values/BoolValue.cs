namespace SmtpLsp.Metabase.Values;

public enum BoolParseError { None, Empty, Numeric, NotABool }

/// <summary>
/// BOOL text: <c>TRUE</c>/<c>FALSE</c>, case-insensitive (schema MetaFlags CASEINSENSITIVE). IIS never writes
/// <c>0</c>/<c>1</c>: they fail with <see cref="BoolParseError.Numeric"/> but still yield the intended value so a
/// quick fix can offer TRUE/FALSE.
/// </summary>
public static class BoolValue
{
    public static bool TryParse(string? text, out bool value, out BoolParseError error) =>
        TryParse(text.AsSpan(), out value, out error);

    /// <summary>The same rules on a slice of a larger text, so analysis reads values without cutting strings.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out bool value, out BoolParseError error)
    {
        value = false;
        if (text.IsEmpty) { error = BoolParseError.Empty; return false; }
        if (text.Equals("TRUE", StringComparison.OrdinalIgnoreCase)) { value = true; error = BoolParseError.None; return true; }
        if (text.Equals("FALSE", StringComparison.OrdinalIgnoreCase)) { error = BoolParseError.None; return true; }
        if (text is "0" or "1") { value = text[0] == '1'; error = BoolParseError.Numeric; return false; }
        error = BoolParseError.NotABool;
        return false;
    }

    public static string Format(bool value) => value ? "TRUE" : "FALSE";
}
