using CsCheck;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212CpSyntaxTests
{
    /// <summary>CP-like bytes, up to a few 64-byte windows long, dense in separators, '=' and '-'.</summary>
    private static readonly Gen<byte[]> Cp =
        Gen.OneOf(Gen.Const((byte)'a'), Gen.Const((byte)'-'), Gen.Const((byte)'='), Gen.Const((byte)';'), Gen.Const((byte)','), Gen.Const((byte)'x'))
            .Array[0, 200];

    /// <summary>Well-formed CPs (fields "k=v", with rare defects) whose lengths fall around window edges.</summary>
    private static readonly Gen<byte[]> MostlyValidCp =
        Gen.Select(Gen.OneOf(Gen.Const("a34004-Avg=1.5"), Gen.Const("k="), Gen.Const("DataTime=20260315092900"), Gen.Const("x-y=a-b=c")).Array[1, 20],
                Gen.Bool.Array[1, 20], Gen.Int[0, 5],
                (fields, groups, defect) =>
                {
                    var text = new System.Text.StringBuilder();
                    for (int i = 0; i < fields.Length; i++)
                    {
                        text.Append(i == 0 ? "" : groups[i % groups.Length] ? ";" : ",").Append(fields[i]);
                    }

                    string cp = defect switch { 0 => text + ";", 1 => text + "=", 2 => text + ",x", _ => text.ToString() };
                    return System.Text.Encoding.ASCII.GetBytes(cp);
                });

    private static int ReferenceNextField(byte[] cp, int start, out int equals, out int dash)
    {
        equals = -1;
        dash = -1;
        for (int i = start; i < cp.Length; i++)
        {
            switch (cp[i])
            {
                case (byte)';' or (byte)',':
                    return i;
                case (byte)'=' when equals < 0:
                    equals = i;
                    break;
                case (byte)'-' when equals < 0 && dash < 0:
                    dash = i;
                    break;
            }
        }

        return cp.Length;
    }

    private static int ReferenceBadField(byte[] cp)
    {
        if (cp.Length == 0)
        {
            return -1;
        }

        int start = 0;
        while (true)
        {
            int end = ReferenceNextField(cp, start, out int equals, out _);
            if (equals <= start)
            {
                return start;
            }

            if (end == cp.Length)
            {
                return -1;
            }

            start = end + 1;
            if (start == cp.Length)
            {
                return start;
            }
        }
    }

    [Fact]
    public void NextField_MatchesByteByByteReference() =>
        Cp.Select(Gen.Int[0, 200].Array[1, 4], (cp, starts) => (cp, starts)).Sample(t =>
        {
            Hj212CpCursor cursor = new(t.cp);
            foreach (int raw in t.starts)
            {
                int start = Math.Min(raw, t.cp.Length);
                int expectedEnd = ReferenceNextField(t.cp, start, out int expectedEquals, out int expectedDash);
                int end = cursor.NextField(start, out int equals, out int dash);
                if (end != expectedEnd || equals != expectedEquals || dash != expectedDash)
                {
                    return false;
                }
            }

            return true;
        }, iter: 20_000);

    [Fact]
    public void FindBadField_MatchesByteByByteReference() =>
        Gen.OneOf(Cp, MostlyValidCp).Sample(cp => Hj212CpSyntax.FindBadField(cp) == ReferenceBadField(cp), iter: 20_000);

    [Fact]
    public void IsWellFormed_AgreesWithReference() =>
        Gen.OneOf(Cp, MostlyValidCp).Sample(cp => Hj212CpSyntax.IsWellFormed(cp) == (ReferenceBadField(cp) < 0), iter: 20_000);

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    public void IsWellFormed_DefectAtWindowEdge_IsFound(int length)
    {
        // "k=vvv…" of exactly `length` bytes is well formed; each defect is placed on or next to a 64-byte window edge.
        byte[] valid = [(byte)'k', (byte)'=', .. Enumerable.Repeat((byte)'v', length - 2)];
        Assert.True(Hj212CpSyntax.IsWellFormed(valid));

        byte[] trailingSeparator = [.. valid[..^1], (byte)';'];
        byte[] lastFieldWithoutEquals = [.. valid[..^2], (byte)',', (byte)'x'];
        byte[] emptyKeyAfterEdge = [.. valid, (byte)';', (byte)'=', (byte)'1'];
        Assert.False(Hj212CpSyntax.IsWellFormed(trailingSeparator));
        Assert.False(Hj212CpSyntax.IsWellFormed(lastFieldWithoutEquals));
        Assert.False(Hj212CpSyntax.IsWellFormed(emptyKeyAfterEdge));
    }
}
