using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// An archived frame's bytes as text for people (console, alarm evidence). HJ 212 text fields are bytes in the
/// station's encoding (UTF-8 or GBK, code page 936; <see cref="TextEncoding"/>): the bytes are decoded strictly in the
/// station's registered encoding; when they are not valid in it (the logger was set up otherwise, or the registry changed
/// since) but are valid in the other one, in that one; else in the station's encoding with U+FFFD for the invalid bytes.
/// <see cref="DecodedFrameText.Encoding"/> says which. ASCII-only frames read the same either way. The text never holds
/// a password: PW and NewPW values are masked (<see cref="FramePassword"/>) in what is decoded, whether or not the archive
/// masked them when it stored the frame (frames stored before it did). Thread-safe.
/// </summary>
public static class RawFrameText
{
    // Checked with Utf8.IsValid before it is used strictly; invalid bytes become U+FFFD.
    private static readonly Encoding Utf8Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding StrictGbk = CodePage936(DecoderFallback.ExceptionFallback);
    private static readonly Encoding LenientGbk = CodePage936(new DecoderReplacementFallback("\uFFFD"));

    /// <summary>Decodes <paramref name="bytes"/> for display, preferring <paramref name="stationEncoding"/>.</summary>
    public static DecodedFrameText Decode(ReadOnlySpan<byte> bytes, TextEncoding stationEncoding)
    {
        bytes = FramePassword.Masked(bytes);
        TextEncoding other = stationEncoding == TextEncoding.Gbk ? TextEncoding.Utf8 : TextEncoding.Gbk;
        if (TryStrict(bytes, stationEncoding, out string? text))
        {
            return new DecodedFrameText(text, stationEncoding, IsValid: true);
        }

        if (TryStrict(bytes, other, out text))
        {
            return new DecodedFrameText(text, other, IsValid: true);
        }

        return new DecodedFrameText((stationEncoding == TextEncoding.Gbk ? LenientGbk : Utf8Text).GetString(bytes), stationEncoding, IsValid: false);
    }

    private static bool TryStrict(ReadOnlySpan<byte> bytes, TextEncoding encoding, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (encoding == TextEncoding.Utf8)
        {
            text = Utf8.IsValid(bytes) ? Utf8Text.GetString(bytes) : null;
            return text is not null;
        }

        try
        {
            text = StrictGbk.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CodePage936(DecoderFallback fallback) =>
        CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, fallback)
        ?? throw new InvalidOperationException("Code page 936 (GBK) is not available.");
}
