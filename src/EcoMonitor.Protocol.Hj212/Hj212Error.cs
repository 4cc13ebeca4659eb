namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Why a frame was rejected. Framing follows HJ 212-2017 §6.3.1 (table 2: <c>##</c>, 4-digit decimal length of the data
/// segment, data segment, 4 hex CRC, CR LF); the data segment follows §6.3.2 (table 3). The names are a stable contract:
/// the CLI prints them verbatim (docs/cli.md).
/// </summary>
public enum Hj212Error
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The frame does not start with <c>##</c>.</summary>
    MissingHeader,

    /// <summary>The 4-byte length is not 4 decimal digits, or the CR LF trailer is not where the length puts it.</summary>
    BadLength,

    /// <summary>The length announces a frame larger than the scanner's <c>maxFrameBytes</c>.</summary>
    FrameTooLong,

    /// <summary>The input ends before the data segment and CRC that the length announces.</summary>
    Truncated,

    /// <summary>The CRC is present but the CR LF trailer is missing or wrong.</summary>
    MissingTrailer,

    /// <summary>The 4 CRC characters are not hexadecimal digits.</summary>
    BadCrcText,

    /// <summary>The CRC does not match the data segment; header and CP fields are still decoded.</summary>
    CrcMismatch,

    /// <summary>A header or CP field is malformed (no <c>=</c>, empty key, unknown header key, bad number).</summary>
    BadField,

    /// <summary>A header field appears twice.</summary>
    DuplicateField,

    /// <summary>A mandatory field (CN, MN or CP) is absent.</summary>
    MissingField,

    /// <summary>The CP field does not open with <c>CP=&amp;&amp;</c> or does not close with <c>&amp;&amp;</c> at the end of the data segment.</summary>
    UnclosedCp,

    /// <summary>CN is not 1 to 7 decimal digits.</summary>
    BadCommand,

    /// <summary>The version bits of Flag name a version this codec does not know (not 2005, 2017 or 2025).</summary>
    UnsupportedVersion,
}
