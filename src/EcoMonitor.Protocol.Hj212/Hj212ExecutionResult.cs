namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// <c>ExeRtn</c>, the result of an executed command (CN 9012), HJ 212-2017, table 执行结果定义表 (section 6.6).
/// </summary>
public enum Hj212ExecutionResult
{
    /// <summary>1 — executed successfully (执行成功).</summary>
    Succeeded = 1,

    /// <summary>2 — failed, reason unknown (执行失败，但不知道原因).</summary>
    Failed = 2,

    /// <summary>3 — the command's request conditions are wrong (命令请求条件错误).</summary>
    BadCondition = 3,

    /// <summary>4 — communication timeout (通讯超时).</summary>
    CommunicationTimeout = 4,

    /// <summary>5 — system busy, cannot execute (系统繁忙不能执行).</summary>
    SystemBusy = 5,

    /// <summary>6 — system fault (系统故障).</summary>
    SystemFault = 6,

    /// <summary>100 — no data (没有数据).</summary>
    NoData = 100,
}
