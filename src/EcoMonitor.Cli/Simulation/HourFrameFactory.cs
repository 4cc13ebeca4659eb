using System.Globalization;
using System.Text;
using EcoMonitor.Domain;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Simulation;

/// <summary>
/// Writes an <see cref="HourRecord"/> as the HJ 212-2017 hour-data frame a data logger sends (CN 2061, ST 22, Flag 5 =
/// version 2017 + acknowledgement wanted), labelled by the hour's start. The QN is derived from the hour so that a
/// resend of the same hour carries the same QN (the platform recognises it as a duplicate).
/// </summary>
internal static class HourFrameFactory
{
    public static string RequestNumber(HourRecord record) =>
        ChinaTime.ToLocal(record.PeriodStart).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "000";

    public static byte[] Create(HourRecord record, string password)
    {
        string dataTime = ChinaTime.ToLocal(record.PeriodStart).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Hj212Message message = new();
        message.SetHeader("QN", RequestNumber(record));
        message.SetHeader("ST", "22");
        message.SetHeader("CN", "2061");
        message.SetHeader("PW", password);
        message.SetHeader("MN", record.Station.Value);
        message.SetHeader("Flag", "5");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", dataTime)]));
        foreach (KeyValuePair<ParameterCode, decimal> value in record.Values)
        {
            message.Cp.Add(new Hj212CpGroup(
            [
                new Hj212TextField(value.Key.Value + "-Avg", value.Value.ToString(CultureInfo.InvariantCulture)),
                new Hj212TextField(value.Key.Value + "-Flag", "N"),
            ]));
        }

        return Hj212Formatter.Format(message, Encoding.UTF8);
    }
}
