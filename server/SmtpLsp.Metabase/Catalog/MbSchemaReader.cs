using System.Globalization;
using System.Text;
using System.Xml;

namespace SmtpLsp.Metabase.Catalog;

/// <summary>
/// Reads IIS 6 MBSchema.xml. The schema is a data file, not the user's document, so XmlReader is fine here, but a
/// user may point us at their own copy: DTDs and external resolution are refused, and every failure becomes a
/// <see cref="SchemaError"/> with line and column instead of an exception.
/// </summary>
public static class MbSchemaReader
{
    public static SchemaReadResult ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new SchemaReadResult(null, [new SchemaError(0, 0, $"cannot read '{path}': {e.Message}")]);
        }
    }

    public static SchemaReadResult ReadText(string xml) => Read(CreateReader(xml), xml);

    /// <summary>Reads the whole stream as text first (schemas are a few hundred KB) so errors can be located.</summary>
    public static SchemaReadResult Read(Stream stream)
    {
        string text;
        try
        {
            using var sr = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            text = sr.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or DecoderFallbackException)
        {
            return new SchemaReadResult(null, [new SchemaError(0, 0, $"cannot read the schema: {e.Message}")]);
        }
        return ReadText(text);
    }

    private static XmlReader CreateReader(string xml) => XmlReader.Create(new StringReader(xml), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
    });

    private static SchemaReadResult Read(XmlReader reader, string text)
    {
        var errors = new List<SchemaError>();
        var collections = new List<CollectionBuilder>();
        var refs = new List<(string Target, int Line, int Column)>();
        CollectionBuilder? collection = null;
        PropertyBuilder? property = null;
        var info = (IXmlLineInfo)reader;
        bool sawRoot = false;

        try
        {
            using (reader)
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        if (reader.LocalName == "Collection") collection = null;
                        else if (reader.LocalName == "Property") property = null;
                        continue;
                    }
                    if (reader.NodeType != XmlNodeType.Element) continue;

                    int line = info.LineNumber, column = info.LinePosition;
                    void Error(string message) => errors.Add(new SchemaError(line, column, message));

                    if (!sawRoot)
                    {
                        sawRoot = true;
                        if (reader.LocalName != "MetaData") Error($"root element is <{reader.LocalName}>, expected <MetaData>");
                    }

                    switch (reader.LocalName)
                    {
                        case "Collection":
                        {
                            var name = reader.GetAttribute("InternalName");
                            if (string.IsNullOrEmpty(name)) { Error("<Collection> without InternalName"); name = $"<unnamed at {line}:{column}>"; }
                            var c = new CollectionBuilder(name, reader.GetAttribute("MetaFlags"), reader.GetAttribute("MetaFlagsEx"),
                                reader.GetAttribute("ContainerClassList"), reader.GetAttribute("InheritsPropertiesFrom"));
                            collections.Add(c);
                            collection = reader.IsEmptyElement ? null : c;
                            break;
                        }
                        case "Property":
                        {
                            if (collection is null) { Error("<Property> outside a <Collection>"); break; }
                            var inherits = reader.GetAttribute("InheritsPropertiesFrom");
                            if (inherits is not null)
                            {
                                // References look like "IIsConfigObject:Name": the property must exist in the pool.
                                collection.References.Add(inherits);
                                refs.Add((inherits, line, column));
                                break;
                            }
                            var p = ReadProperty(reader, text, Error);
                            if (p is null) break;
                            collection.Defined.Add(p);
                            property = reader.IsEmptyElement ? null : p;
                            break;
                        }
                        case "Flag":
                        {
                            if (property is null) { Error("<Flag> outside a <Property>"); break; }
                            var name = reader.GetAttribute("InternalName");
                            if (string.IsNullOrEmpty(name)) { Error("<Flag> without InternalName"); break; }
                            var valueText = reader.GetAttribute("Value");
                            if (!ulong.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue)
                            {
                                Error($"flag '{name}' has Value '{valueText}', expected a decimal number up to 4294967295");
                                break;
                            }
                            int? id = ParseInt(reader.GetAttribute("ID"), $"flag '{name}' ID", Error);
                            property.Flags.Add(new SchemaFlag(name, (uint)value, id));
                            break;
                        }
                    }
                }
            }
        }
        catch (XmlException e)
        {
            // Some XmlExceptions (the DTD refusal) carry no position; the reader still knows where it stopped.
            bool dtd = e.LineNumber == 0 && text.Contains("<!DOCTYPE", StringComparison.Ordinal);
            var (line, column) = dtd ? Position(text, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal)) : (e.LineNumber, e.LinePosition);
            var message = dtd ? "a DOCTYPE (DTD) is not allowed in a schema file: DTDs and entities are never processed" : e.Message;
            errors.Add(new SchemaError(line, column, message));
            return new SchemaReadResult(null, errors);
        }

        if (!sawRoot) errors.Add(new SchemaError(0, 0, "the file has no root element"));
        if (collections.Count == 0) errors.Add(new SchemaError(0, 0, "the file has no <Collection> elements"));

        var pool = collections.FirstOrDefault(c => c.Name == SchemaDocument.PoolCollection);
        var poolNames = new HashSet<string>(StringComparer.Ordinal);
        if (pool is null) errors.Add(new SchemaError(0, 0, $"no <Collection InternalName=\"{SchemaDocument.PoolCollection}\"> holding the property definitions"));
        else
        {
            foreach (var p in pool.Defined)
            {
                if (!poolNames.Add(p.Name)) errors.Add(new SchemaError(p.Line, p.Column, $"property '{p.Name}' is defined twice"));
                if (p.Id is null) errors.Add(new SchemaError(p.Line, p.Column, $"property '{p.Name}' has no ID"));
            }
        }
        foreach (var (target, line, column) in refs)
        {
            var colon = target.IndexOf(':');
            if (colon < 0 || target[..colon] != SchemaDocument.PoolCollection || !poolNames.Contains(target[(colon + 1)..]))
                errors.Add(new SchemaError(line, column, $"InheritsPropertiesFrom '{target}' does not name a property of {SchemaDocument.PoolCollection}"));
        }

        var document = new SchemaDocument(collections.Select(c => c.Build()).ToList());
        return new SchemaReadResult(errors.Count == 0 ? document : null, errors);
    }

    private static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }

    private static PropertyBuilder? ReadProperty(XmlReader reader, string text, Action<string> error)
    {
        var name = reader.GetAttribute("InternalName");
        if (string.IsNullOrEmpty(name)) { error("<Property> without InternalName or InheritsPropertiesFrom"); return null; }
        var info = (IXmlLineInfo)reader;
        return new PropertyBuilder(name, info.LineNumber, info.LinePosition)
        {
            Id = ParseInt(reader.GetAttribute("ID"), $"property '{name}' ID", error),
            Type = reader.GetAttribute("Type") ?? "",
            UserType = reader.GetAttribute("UserType"),
            Attributes = reader.GetAttribute("Attributes"),
            MetaFlags = reader.GetAttribute("MetaFlags"),
            MetaFlagsEx = reader.GetAttribute("MetaFlagsEx"),
            DefaultValue = reader.GetAttribute("Type") == "MULTISZ" && (RawAttribute(reader, text, "DefaultValue") ?? reader.GetAttribute("DefaultValue")) is { } items
                ? MultiSzItems(items)
                : reader.GetAttribute("DefaultValue"),
            StartingNumber = ParseLong(reader.GetAttribute("StartingNumber"), $"property '{name}' StartingNumber", error),
            EndingNumber = ParseLong(reader.GetAttribute("EndingNumber"), $"property '{name}' EndingNumber", error),
        };
    }

    /// <summary>
    /// An attribute's value as written, character references decoded but line breaks kept: MBSchema.xml writes a
    /// MULTISZ default one item per line, as MetaBase.xml writes values, and the reader's attribute-value
    /// normalisation turns those breaks into spaces. Null when the attribute is missing or its text cannot be found.
    /// </summary>
    private static string? RawAttribute(XmlReader reader, string text, string name)
    {
        if (!reader.MoveToAttribute(name)) return null;
        var info = (IXmlLineInfo)reader;
        int offset = OffsetOf(text, info.LineNumber, info.LinePosition);
        reader.MoveToElement();
        if (offset < 0 || string.CompareOrdinal(text, offset, name, 0, name.Length) != 0) return null;
        int quote = text.IndexOfAny(['"', '\''], offset + name.Length);
        int end = quote < 0 ? -1 : text.IndexOf(text[quote], quote + 1);
        return end < 0 ? null : Syntax.EntityDecoder.Decode(text.AsSpan(quote + 1, end - quote - 1));
    }

    /// <summary>The offset of a 1-based line and column as XmlReader counts them (a CR LF is one line break).</summary>
    private static int OffsetOf(string text, int line, int column)
    {
        int start = 0;
        for (int l = 1; l < line; l++)
        {
            int next = text.IndexOfAny(['\n', '\r'], start);
            if (next < 0) return -1;
            start = text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? next + 2 : next + 1;
        }
        return start + column - 1 < text.Length ? start + column - 1 : -1;
    }

    /// <summary>One item per line without the indentation, as <see cref="Values.MultiSzValue"/> reads a file's value.</summary>
    private static string MultiSzItems(string raw) => string.Join('\n', Values.MultiSzValue.Split(raw).Select(i => i.Text));

    private static int? ParseInt(string? text, string what, Action<string> error)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        error($"{what} is '{text}', expected a decimal number");
        return null;
    }

    private static long? ParseLong(string? text, string what, Action<string> error)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        error($"{what} is '{text}', expected a decimal number");
        return null;
    }

    private sealed class CollectionBuilder(string name, string? metaFlags, string? metaFlagsEx, string? containers, string? inherits)
    {
        public string Name { get; } = name;
        public List<string> References { get; } = [];
        public List<PropertyBuilder> Defined { get; } = [];

        public SchemaCollection Build() => new(Name, metaFlags, metaFlagsEx, containers, inherits,
            References.Select(r => r[(r.IndexOf(':') + 1)..]).ToList(), Defined.Select(p => p.Build()).ToList());
    }

    private sealed class PropertyBuilder(string name, int line, int column)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public int? Id { get; init; }
        public string Type { get; init; } = "";
        public string? UserType { get; init; }
        public string? Attributes { get; init; }
        public string? MetaFlags { get; init; }
        public string? MetaFlagsEx { get; init; }
        public string? DefaultValue { get; init; }
        public long? StartingNumber { get; init; }
        public long? EndingNumber { get; init; }
        public List<SchemaFlag> Flags { get; } = [];

        public SchemaProperty Build() => new(Name, Id, Type, UserType, Attributes, MetaFlags, MetaFlagsEx, DefaultValue,
            StartingNumber, EndingNumber, Flags);
    }
}
