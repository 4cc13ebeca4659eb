using System.Globalization;
using System.Text;
using EcoMonitor.Domain;
using EcoMonitor.Protocol.Hj212;
using NodaTime;

namespace EcoMonitor.Gateway;

/// <summary>
/// Answers a station's time-calibration request (CN 1013, 现场机时间校准请求) with a set-time command (CN 1012)
/// carrying the platform's China Standard Time (HJ 212-2017 6.6.2 and Appendix C: the on-site machine asks, the
/// platform sets). The command asks for a 9011/9012 reply (A bit set), which is archived when it comes.
/// </summary>
internal static class TimeCalibration
{
    public static byte[] SetTimeCommand(in Hj212Frame request, Instant now)
    {
        LocalDateTime local = ChinaTime.ToLocal(now);
        Hj212Message command = new();
        command.SetHeader("QN", local.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture));
        command.SetHeader("ST", Encoding.ASCII.GetString(request.St));
        command.SetHeader("CN", Hj212CommandCodes.SetSystemTime.ToString(CultureInfo.InvariantCulture));
        command.SetHeader("PW", Encoding.ASCII.GetString(request.Pw));
        command.SetHeader("MN", Encoding.ASCII.GetString(request.Mn));
        if (request.Flag >= 0)
        {
            int versionBits = request.Flag & ~0b11;
            command.SetHeader("Flag", (versionBits | 1).ToString(CultureInfo.InvariantCulture));
        }

        Hj212CpGroup group = new();
        foreach (Hj212CpField field in request.EnumerateCp())
        {
            if (field.Key.SequenceEqual("PolId"u8))
            {
                group.Fields.Add(new Hj212TextField("PolId", Encoding.ASCII.GetString(field.Value)));
            }
        }

        group.Fields.Add(new Hj212TextField("SystemTime", local.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)));
        command.Cp.Add(group);
        return Hj212Formatter.Format(command, Encoding.ASCII);
    }
}
