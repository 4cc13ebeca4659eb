using CsCheck;
using System.Text;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212CrcTests
{
    [Fact]
    public void Compute_AppendixCExample_Is1C80()
    {
        // HJ 212-2017 appendix C "set real-time data interval" example, CRC 1C80 (also in peer-packets.txt).
        byte[] data = Encoding.ASCII.GetBytes("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&");

        Assert.Equal(0x1C80, Hj212Crc.Compute(data));
        Assert.Equal(0x1C80, Hj212Crc.ComputeBitwise(data));
    }

    [Fact]
    public void Compute_Empty_IsInitialRegister() => Assert.Equal(0xFFFF, Hj212Crc.Compute([]));

    [Fact]
    public void Compute_RandomInputs_MatchesBitwiseReference() =>
        Gen.Byte.Array[0, 2100].Sample(data => Hj212Crc.Compute(data) == Hj212Crc.ComputeBitwise(data), iter: 5000);

    [Fact]
    public void ComputeWithTables_RandomInputs_MatchesBitwiseReference() =>
        Gen.Byte.Array[0, 2100].Sample(data => Hj212Crc.ComputeWithTables(data) == Hj212Crc.ComputeBitwise(data), iter: 5000);

    [Theory]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(191)]
    [InlineData(192)]
    [InlineData(193)]
    [InlineData(743)]
    public void Compute_BlockBoundaryLengths_MatchesBitwiseReference(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(Hj212Crc.ComputeBitwise(data), Hj212Crc.Compute(data));
    }

    [Fact]
    public void Compute_IsNotModbusCrc()
    {
        byte[] data = Encoding.ASCII.GetBytes("ST=32;CN=2011");
        int modbus = 0xFFFF;
        foreach (byte b in data)
        {
            modbus ^= b;
            for (int i = 0; i < 8; i++)
            {
                modbus = (modbus & 1) != 0 ? (modbus >> 1) ^ 0xA001 : modbus >> 1;
            }
        }

        Assert.NotEqual(modbus, Hj212Crc.Compute(data));
    }

    [Theory]
    [InlineData("1c80", 0x1C80)]
    [InlineData("1C80", 0x1C80)]
    [InlineData("ffFF", 0xFFFF)]
    public void TryParseHex_AnyCase_Parses(string text, int expected)
    {
        Assert.True(Hj212Crc.TryParseHex(Encoding.ASCII.GetBytes(text), out ushort crc));
        Assert.Equal(expected, crc);
    }

    [Theory]
    [InlineData("1c8")]
    [InlineData("1c8g")]
    [InlineData(" 1c8")]
    public void TryParseHex_NotFourHexDigits_Fails(string text) =>
        Assert.False(Hj212Crc.TryParseHex(Encoding.ASCII.GetBytes(text), out _));
}
