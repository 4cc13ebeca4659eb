using System.Text;
using CsCheck;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212PropertyTests
{
    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[1, 17].Select(c => new string(c));
    private static readonly Gen<string> Word = Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['0', '9'], Gen.OneOf('.', '-', '_', ':', '/'))
        .Array[1, 12].Select(c => new string(c));

    private static readonly Gen<Hj212TextField> CpField = Gen.Select(Gen.OneOf("a34004", "w01018", "a21026", "B01", "SB1"),
        Gen.OneOf("Rtd", "Avg", "Min", "Max", "Cou", "ZsRtd", "Flag", "EFlag", "SampleTime", "RS", "RT", "Info"), Word,
        (code, field, value) => new Hj212TextField($"{code}-{field}", value));

    /// <summary>Valid messages of every version: no Flag (2005), Flag 0..11 (2005, 2017, 2025), with or without packets.</summary>
    private static readonly Gen<Hj212Message> Message = Gen.Select(
        Digits, Gen.Int[-1, 11], Word, Gen.Int[1000, 9999], CpField.Array[1, 6].Array[0, 8], Gen.Bool,
        (qn, flag, mn, cn, groups, withQn) =>
        {
            Hj212Message message = new();
            if (withQn)
            {
                message.SetHeader("QN", qn);
            }

            message.SetHeader("ST", "22");
            message.SetHeader("CN", cn.ToString(System.Globalization.CultureInfo.InvariantCulture));
            message.SetHeader("PW", "123456");
            message.SetHeader("MN", mn);
            if (flag >= 0)
            {
                message.SetHeader("Flag", flag.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if ((flag & 2) != 0)
                {
                    message.SetHeader("PNUM", "2");
                    message.SetHeader("PNO", "1");
                }
            }

            foreach (Hj212TextField[] group in groups)
            {
                message.Cp.Add(new Hj212CpGroup(group));
            }

            return message;
        });

    [Fact]
    public void ArbitraryBytes_NeverThrowNorReadPastInput() =>
        Gen.Byte.Array[0, 300].Sample(bytes => Hj212Fuzz.Fuzz(bytes), iter: 20_000);

    [Fact]
    public void ArbitraryDataSegment_InValidFraming_NeverThrows() =>
        Gen.OneOf(Gen.Char['!', '~'], Gen.OneOf(';', ',', '=', '&', '-'))
            .Array[0, 200].Sample(chars => Hj212Fuzz.Fuzz(Some.Frame(new string(chars))), iter: 20_000);

    [Fact]
    public void Format_Parse_RoundTripsGeneratedFrames() =>
        Message.Sample(message =>
        {
            byte[] frame = Hj212Formatter.Format(message, Encoding.UTF8);
            Hj212ParseResult result = Hj212Parser.Parse(frame);
            Assert.True(result.IsSuccess, result.Error.ToString());
            Assert.Equal(frame, Hj212Formatter.Format(Hj212Message.FromFrame(result.Frame, Encoding.UTF8), Encoding.UTF8));
        }, iter: 2000);

    [Fact]
    public void FlippedByteInDataSegment_FailsTheCrc() =>
        Gen.Select(Message, Gen.Int.Positive, Gen.Byte[1, 255]).Sample((message, at, xor) =>
        {
            byte[] frame = Hj212Formatter.Format(message, Encoding.UTF8);
            int dataLength = frame.Length - Hj212Formatter.FrameOverheadBytes;
            frame[6 + (at % dataLength)] ^= xor;
            Hj212ParseResult result = Hj212Parser.Parse(frame);
            Assert.Equal(Hj212Error.CrcMismatch, result.Error);
            Assert.False(result.Frame.HasValidCrc);
        }, iter: 2000);
}
