using System.Buffers.Binary;

namespace EcoMonitor.Reports;

/// <summary>
/// Takes one face out of a TrueType collection (<c>.ttc</c>, OpenType spec "Font Collections") as a standalone font
/// file, because PDFsharp reads single fonts only: the face's table directory is copied and its tables laid after it
/// (4-byte aligned) with their offsets rewritten. A single font file is returned as it is.
/// </summary>
internal static class TrueTypeCollection
{
    /// <summary>Face <paramref name="index"/> of <paramref name="file"/> as a single font.</summary>
    /// <exception cref="InvalidDataException">Not a font file, or no such face.</exception>
    public static byte[] Face(byte[] file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366)   // 'ttcf'
        {
            return file;
        }

        int faces = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8)));
        if (index < 0 || index >= faces)
        {
            throw new InvalidDataException($"The font collection has {faces} faces, not a face {index}.");
        }

        int directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + (4 * index))));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(directory + 4));
        int headerLength = 12 + (16 * tables);
        long total = headerLength;
        for (int i = 0; i < tables; i++)
        {
            total += Align(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(directory + 12 + (16 * i) + 12)));
        }

        byte[] font = new byte[checked((int)total)];
        file.AsSpan(directory, headerLength).CopyTo(font);
        int position = headerLength;
        for (int i = 0; i < tables; i++)
        {
            int record = directory + 12 + (16 * i);
            int offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 8)));
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 12)));
            file.AsSpan(offset, length).CopyTo(font.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + (16 * i) + 8), (uint)position);
            position += (int)Align((uint)length);
        }

        return font;
    }

    private static long Align(uint length) => (length + 3L) & ~3L;
}
