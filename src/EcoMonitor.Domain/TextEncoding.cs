namespace EcoMonitor.Domain;

/// <summary>How a station's data logger encodes non-ASCII text fields in HJ 212 frames.</summary>
public enum TextEncoding
{
    /// <summary>UTF-8.</summary>
    Utf8,
    /// <summary>GBK (code page 936), usual for older loggers.</summary>
    Gbk,
}
