namespace SmtpLsp.Metabase.Catalog;

/// <summary>The schema's Type attribute.</summary>
public enum PropertyType { Dword, String, Bool, MultiSz, Binary, ExpandSz, IpSecList, NtAcl, MimeMap, Wstr, Unknown }

public static class PropertyTypes
{
    public static PropertyType Parse(string? schemaType) => schemaType switch
    {
        "DWORD" => PropertyType.Dword,
        "STRING" => PropertyType.String,
        "BOOL" => PropertyType.Bool,
        "MULTISZ" => PropertyType.MultiSz,
        "BINARY" => PropertyType.Binary,
        "EXPANDSZ" => PropertyType.ExpandSz,
        "IPSECLIST" => PropertyType.IpSecList,
        "NTACL" => PropertyType.NtAcl,
        "MIMEMAP" => PropertyType.MimeMap,
        "WSTR" => PropertyType.Wstr,
        _ => PropertyType.Unknown,
    };
}
