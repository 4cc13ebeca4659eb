using System.Text;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Gateway;

/// <summary>
/// A raw frame for a Trace log line: formatted only when the line is written, with its passwords masked
/// (<see cref="FramePassword"/>, on a copy), CR and LF escaped and at most 512 bytes shown (STYLE §7: raw frames only at
/// Trace, escaped and truncated).
/// </summary>
internal readonly struct EscapedFrame(byte[] bytes)
{
    private const int MaxShown = 512;

    public override string ToString()
    {
        byte[] shown = bytes.AsSpan(0, Math.Min(bytes.Length, MaxShown)).ToArray();
        FramePassword.MaskInPlace(shown);
        string text = Encoding.Latin1.GetString(shown);
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return bytes.Length > MaxShown ? text + "…" : text;
    }
}
