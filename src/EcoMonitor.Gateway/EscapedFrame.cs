using System.Text;

namespace EcoMonitor.Gateway;

/// <summary>
/// A raw frame for a Trace log line: formatted only when the line is written, with CR and LF escaped and at most
/// 512 bytes shown (STYLE §7: raw frames only at Trace, escaped and truncated).
/// </summary>
internal readonly struct EscapedFrame(byte[] bytes)
{
    private const int MaxShown = 512;

    public override string ToString()
    {
        string text = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, MaxShown));
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return bytes.Length > MaxShown ? text + "…" : text;
    }
}
