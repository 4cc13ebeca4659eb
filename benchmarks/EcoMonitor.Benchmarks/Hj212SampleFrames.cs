using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Benchmarks;

/// <summary>Realistic frames for the HJ 212 benchmarks.</summary>
internal static class Hj212SampleFrames
{
    /// <summary>Size of <see cref="MinuteFrame"/>: a typical 10-pollutant minute upload.</summary>
    public const int MinuteFrameBytes = 755;

    private static readonly (string Code, string Avg, string Min, string Max)[] Pollutants =
    [
        ("a34004", "35.21", "21.40", "52.80"), ("a34002", "61.30", "40.10", "88.90"), ("a21026", "8.42", "5.10", "12.70"),
        ("a21004", "31.60", "18.20", "47.30"), ("a21005", "0.612", "0.410", "0.904"), ("a05024", "96.4", "62.1", "131.5"),
        ("a01001", "18.30", "17.90", "18.80"), ("a01002", "62.40", "60.10", "64.70"), ("a01006", "101.32", "101.28", "101.36"),
        ("a01007", "2.4", "1.1", "4.2"),
    ];

    /// <summary>An HJ 212-2017 minute-data frame (CN=2051, Flag=4) with Avg/Min/Max/Flag for 10 pollutants, exactly 755 bytes.</summary>
    public static byte[] MinuteFrame()
    {
        Hj212Message message = new();
        message.SetHeader("QN", "20260315093000123");
        message.SetHeader("ST", "22");
        message.SetHeader("CN", "2051");
        message.SetHeader("PW", "123456");
        message.SetHeader("MN", "33010600000001");
        message.SetHeader("Flag", "4");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", "20260315092900")]));
        foreach ((string code, string avg, string min, string max) in Pollutants)
        {
            message.Cp.Add(new Hj212CpGroup(
            [
                new Hj212TextField(code + "-Avg", avg), new Hj212TextField(code + "-Min", min),
                new Hj212TextField(code + "-Max", max), new Hj212TextField(code + "-Flag", "N"),
            ]));
        }

        byte[] frame = Hj212Formatter.Format(message, Encoding.ASCII);
        return frame.Length == MinuteFrameBytes
            ? frame
            : throw new InvalidOperationException($"The sample frame has {frame.Length} bytes, expected {MinuteFrameBytes}.");
    }
}
