using System.Text;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// The one frame each benchmark connection sends: a real-time data upload (CN 2011) carrying only its DataTime, with
/// Flag 5 (version 2017, acknowledgement wanted), so the platform authenticates it, archives it, and answers 9014
/// once it is durable — without adding observations to the store.
/// </summary>
internal static class BenchFrame
{
    public static byte[] Create(BenchStation station, string requestNumber, string dataTime)
    {
        Hj212Message message = new();
        message.SetHeader("QN", requestNumber);
        message.SetHeader("ST", station.SystemCode);
        message.SetHeader("CN", "2011");
        message.SetHeader("PW", station.Password);
        message.SetHeader("MN", station.Id.Value);
        message.SetHeader("Flag", "5");
        message.Cp.Add(new Hj212CpGroup([new Hj212TextField("DataTime", dataTime)]));
        return Hj212Formatter.Format(message, Encoding.UTF8);
    }
}
