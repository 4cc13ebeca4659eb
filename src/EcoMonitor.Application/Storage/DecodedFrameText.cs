using EcoMonitor.Domain;

namespace EcoMonitor.Application.Storage;

/// <summary>An archived frame as text (<see cref="RawFrameText"/>), the encoding it was read in, and whether every byte was valid in it.</summary>
/// <param name="Text">The frame as text (U+FFFD for invalid bytes when <paramref name="IsValid"/> is false).</param>
/// <param name="Encoding">The encoding used.</param>
/// <param name="IsValid">True when all bytes were valid in <paramref name="Encoding"/>.</param>
public readonly record struct DecodedFrameText(string Text, TextEncoding Encoding, bool IsValid);
