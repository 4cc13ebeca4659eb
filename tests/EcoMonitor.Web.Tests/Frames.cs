using System.Globalization;
using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Web.Tests;

/// <summary>HJ 212 frames built and read with the real codec.</summary>
internal static class Frames
{
    /// <summary>The password the tests give the stations they register themselves.</summary>
    public const string RegisteredPassword = "123456";

    private static int _sequence;

    /// <summary>A fresh 17-digit QN.</summary>
    public static string NextQn() =>
        string.Create(CultureInfo.InvariantCulture, $"20260101{Interlocked.Increment(ref _sequence):D9}");

    /// <summary>
    /// An HJ 212-2017 hour-data frame (CN 2061) with -Avg and -Flag=N per value; by default with the station's password
    /// (the sample network's, else <see cref="RegisteredPassword"/>).
    /// </summary>
    public static byte[] Hour(string mn, string qn, string dataTime, IEnumerable<(string Code, string Value)> values,
        string? password = null, int flag = 5, int packetCount = 0, int packetNumber = 0, bool withDataTime = true)
    {
        password ??= PasswordOf(mn);
        Hj212Message message = new();
        message.SetHeader("QN", qn);
        message.SetHeader("ST", "22");
        message.SetHeader("CN", "2061");
        message.SetHeader("PW", password);
        message.SetHeader("MN", mn);
        message.SetHeader("Flag", flag.ToString(CultureInfo.InvariantCulture));
        if (packetCount > 0)
        {
            message.SetHeader("PNUM", packetCount.ToString(CultureInfo.InvariantCulture));
            message.SetHeader("PNO", packetNumber.ToString(CultureInfo.InvariantCulture));
        }

        if (withDataTime)
        {
            message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", dataTime)]));
        }

        foreach ((string code, string value) in values)
        {
            message.Cp.Add(new Hj212CpGroup([new Hj212TextField(code + "-Avg", value), new Hj212TextField(code + "-Flag", "N")]));
        }

        return Hj212Formatter.Format(message, Encoding.UTF8);
    }

    /// <summary>The reply's command code, QN and QnRtn (0 when absent).</summary>
    public static (int Command, string Qn, int ReturnCode, string St) Read(byte[] reply)
    {
        Hj212ParseResult parsed = Hj212Parser.Parse(reply);
        Assert.True(parsed.IsSuccess, $"reply does not decode: {parsed.Error} in {Encoding.ASCII.GetString(reply)}");
        Hj212Frame frame = parsed.Frame;
        int code = 0;
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            if (field.Key.SequenceEqual("QnRtn"u8))
            {
                code = int.Parse(Encoding.ASCII.GetString(field.Value), CultureInfo.InvariantCulture);
            }
        }

        return (frame.CommandCode, Encoding.ASCII.GetString(frame.Qn), code, Encoding.ASCII.GetString(frame.St));
    }

    /// <summary>The password of <paramref name="mn"/>: the sample network's, else <see cref="RegisteredPassword"/>.</summary>
    public static string PasswordOf(string mn) => SampleNetwork.Contains(mn) ? SampleNetwork.PasswordOf(mn) : RegisteredPassword;
}
