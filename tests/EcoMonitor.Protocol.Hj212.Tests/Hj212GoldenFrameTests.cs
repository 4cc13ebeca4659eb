using System.Text;
using System.Text.Json;

namespace EcoMonitor.Protocol.Hj212.Tests;

[Trait("Area", "Spine")]
public sealed class Hj212GoldenFrameTests
{
    private static readonly string FramesDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "frames");

    public static TheoryData<string> FrameNames()
    {
        TheoryData<string> names = [];
        foreach (string path in Directory.EnumerateFiles(FramesDirectory, "*.hj212").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        return names;
    }

    private static string? Text(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);

    private static int? Number(int value, int absent) => value == absent ? null : value;

    [Fact]
    public void Folder_HoldsEveryPeerPacket() => Assert.Equal(62, FrameNames().Count);

    [Theory]
    [MemberData(nameof(FrameNames))]
    public void Parse_GoldenFrame_MatchesExpected(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FramesDirectory, name + ".hj212"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(FramesDirectory, name + ".json")));
        JsonElement expected = json.RootElement.GetProperty("expected");

        Hj212ParseResult result = Hj212Parser.Parse(bytes);
        Hj212Frame frame = result.Frame;

        Assert.Equal(expected.GetProperty("error").GetString(), result.Error.ToString());
        Assert.Equal(expected.GetProperty("crcValid").GetBoolean(), frame.HasValidCrc);
        Assert.Equal(expected.GetProperty("version").GetString(), frame.Version.ToString()[2..]);
        Assert.Equal(expected.GetProperty("qn").GetString(), Text(frame.Qn));
        Assert.Equal(expected.GetProperty("st").GetString(), Text(frame.St));
        Assert.Equal(expected.GetProperty("cn").GetString(), Text(frame.Cn));
        Assert.Equal(expected.GetProperty("pw").GetString(), Text(frame.Pw));
        Assert.Equal(expected.GetProperty("mn").GetString(), Text(frame.Mn));
        Assert.Equal(NullableInt(expected.GetProperty("flag")), Number(frame.Flag, -1));
        Assert.Equal(NullableInt(expected.GetProperty("pnum")), Number(frame.PacketCount, 0));
        Assert.Equal(NullableInt(expected.GetProperty("pno")), Number(frame.PacketNumber, 0));
        Assert.Equal(expected.GetProperty("dataSegmentLength").GetInt32(), frame.DataSegment.Length);
        Assert.Equal(expected.GetProperty("cpFieldCount").GetInt32(), CountFields(frame));
        string? dataTime = expected.GetProperty("dataTime").GetString();
        Assert.Equal(dataTime is not null, frame.TryGetDataTime(out NodaTime.LocalDateTime parsed));
        if (dataTime is not null)
        {
            Assert.Equal(dataTime[..14], parsed.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(FrameNames))]
    public void Format_GoldenFrame_ReproducesDataSegmentAndCrc(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(FramesDirectory, name + ".hj212"));
        Hj212Frame frame = Hj212Parser.Parse(bytes).Frame;

        byte[] formatted = Hj212Formatter.Format(Hj212Message.FromFrame(frame, Encoding.UTF8), Encoding.UTF8);

        // Same bytes, except that we always emit the CRC we compute, in upper case.
        Assert.Equal(bytes.AsSpan(0, bytes.Length - 6).ToArray(), formatted.AsSpan(0, formatted.Length - 6).ToArray());
        if (frame.HasValidCrc)
        {
            Assert.Equal(Encoding.ASCII.GetString(bytes, bytes.Length - 6, 4).ToUpperInvariant(), Encoding.ASCII.GetString(formatted, formatted.Length - 6, 4));
        }
    }

    private static int? NullableInt(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();

    private static int CountFields(Hj212Frame frame)
    {
        int count = 0;
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            count++;
        }

        return count;
    }
}
