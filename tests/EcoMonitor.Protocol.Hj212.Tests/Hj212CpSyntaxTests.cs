using CsCheck;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212CpSyntaxTests
{
    private static int Reference(byte[] cp, int start, out int equals, out int dash)
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

    [Fact]
    public void NextField_MatchesByteByByteReference() =>
        Gen.OneOf(Gen.Const((byte)'a'), Gen.Const((byte)'-'), Gen.Const((byte)'='), Gen.Const((byte)';'), Gen.Const((byte)','), Gen.Const((byte)'x'))
            .Array[0, 140]
            .Select(Gen.Int[0, 140], (cp, start) => (cp, Math.Min(start, cp.Length)))
            .Sample(t =>
            {
                int expectedEnd = Reference(t.cp, t.Item2, out int expectedEquals, out int expectedDash);
                int end = Hj212CpSyntax.NextField(t.cp, t.Item2, out int equals, out int dash);
                return end == expectedEnd && equals == expectedEquals && dash == expectedDash;
            }, iter: 20_000);
}
