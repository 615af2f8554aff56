namespace SmtpLsp.Metabase.Analysis;

/// <summary>
/// Every diagnostic code the core can report. Codes never change meaning once published; docs/diagnostics.md has
/// one section per code (anchor = lower-case code) and the server links to it.
/// MB1xxx: XML syntax. MB2xxx: keys and structure. MB3xxx: property values. MB4xxx: Custom elements. MB5xxx: Exchange.
/// </summary>
public static class DiagnosticCodes
{
    // XML syntax (reported by the tolerant scanner)
    public const string MalformedMarkup = "MB1001";        // unexpected character or token inside markup
    public const string UnterminatedValue = "MB1002";      // attribute value without its closing quote
    public const string UnterminatedTag = "MB1003";        // start tag, end tag, comment or PI never closed
    public const string MissingEndTag = "MB1004";          // element never closed, or closed by the wrong end tag
    public const string StrayEndTag = "MB1005";            // end tag with no open element
    public const string StrayText = "MB1006";              // non-whitespace text where only elements belong
    public const string DoctypeNotAllowed = "MB1007";      // <!DOCTYPE> or <!ENTITY>: reported, skipped, never expanded
    public const string UnknownEntity = "MB1008";          // &name; that is not one of the five XML entities, or a bad &#...;
    public const string DuplicateAttribute = "MB1009";     // the same attribute twice in one tag
    public const string InvalidRoot = "MB1010";            // root is not <configuration>, or no <MBProperty> inside it

    // Keys
    public const string UnknownKeyType = "MB2001";
    public const string MissingLocation = "MB2002";
    public const string DuplicateLocation = "MB2003";
    public const string ParentKeyMissing = "MB2004";       // information

    // Properties and values
    public const string UnknownProperty = "MB3001";
    public const string PropertyNotAllowed = "MB3002";
    public const string DwordNotANumber = "MB3003";
    public const string DwordOutOfRange = "MB3004";        // beyond 32 bits
    public const string OutsideSchemaRange = "MB3005";     // beyond StartingNumber..EndingNumber
    public const string BoolNotTrueFalse = "MB3006";
    public const string UnknownFlagName = "MB3007";
    public const string UndefinedFlagBits = "MB3008";      // numeric flag value with bits outside the flag table (error)
    public const string UnknownVerbBits = "MB3009";        // SmtpInboundCommandSupportOptions bits neither verb nor IIS default (warning)
    public const string EnumValueWithoutLabel = "MB3010";

    // Custom elements
    public const string CustomMissingNameOrId = "MB4001";
    public const string CustomUnknownType = "MB4002";
    public const string PropertySetTwice = "MB4003";       // a <Custom> names a property the key has already (warning)

    // Exchange
    public const string ExchangeManaged = "MB5001";        // information

    public const string DocumentationBase = "https://github.com/smtplsp/smtplsp/blob/main/docs/diagnostics.md#";

    public static string DocumentationUrl(string code) => DocumentationBase + code.ToLowerInvariant();
}
