namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Command codes (CN) the codec and gateway refer to, HJ 212-2017 §6.6 and appendix B (命令编码表). The parser accepts
/// any 1..7-digit CN (so HJ 212-2025's 1001/1002/1014 decode too); these constants only name the ones we act on.
/// </summary>
public static class Hj212CommandCodes
{
    /// <summary>1011: the platform asks the station for its time (提取现场机时间).</summary>
    public const int GetSystemTime = 1011;

    /// <summary>1012: the platform sets the station's time (设置现场机时间).</summary>
    public const int SetSystemTime = 1012;

    /// <summary>1013: the station asks the platform for time calibration (现场机时间校准请求).</summary>
    public const int TimeCalibrationRequest = 1013;

    /// <summary>2011: real-time data (实时数据).</summary>
    public const int RealTimeData = 2011;

    /// <summary>2021: equipment running state (设备运行状态).</summary>
    public const int RunningState = 2021;

    /// <summary>2031: daily history data (日历史数据).</summary>
    public const int DayData = 2031;

    /// <summary>2041: daily running time of equipment (设备运行时间日历史数据).</summary>
    public const int RunningTimeDayData = 2041;

    /// <summary>2051: minute data (分钟数据).</summary>
    public const int MinuteData = 2051;

    /// <summary>2061: hourly data (小时数据).</summary>
    public const int HourData = 2061;

    /// <summary>2081: data logger start-up time (数采仪开机时间).</summary>
    public const int RestartTime = 2081;

    /// <summary>9011: request response with QnRtn (请求应答).</summary>
    public const int RequestResponse = 9011;

    /// <summary>9012: execution result with ExeRtn (执行结果).</summary>
    public const int ExecutionResult = 9012;

    /// <summary>9013: notice response (通知应答).</summary>
    public const int NoticeResponse = 9013;

    /// <summary>9014: data response, the acknowledgement of uploaded data (数据应答).</summary>
    public const int DataResponse = 9014;
}
