namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// <c>QnRtn</c>, the answer of a request response (CN 9011), HJ 212-2017, table 请求命令返回表 (section 6.6).
/// </summary>
public enum Hj212ReturnCode
{
    /// <summary>1 — ready to execute the request (准备执行请求).</summary>
    Ready = 1,

    /// <summary>2 — request rejected (请求被拒绝).</summary>
    Rejected = 2,

    /// <summary>3 — wrong password PW (PW 错误).</summary>
    PasswordError = 3,

    /// <summary>4 — wrong MN (MN 错误).</summary>
    MnError = 4,

    /// <summary>5 — wrong ST (ST 错误).</summary>
    StError = 5,

    /// <summary>6 — wrong Flag (Flag 错误).</summary>
    FlagError = 6,

    /// <summary>7 — wrong QN (QN 错误).</summary>
    QnError = 7,

    /// <summary>8 — wrong CN (CN 错误).</summary>
    CnError = 8,

    /// <summary>9 — CRC check failed (CRC 校验错误).</summary>
    CrcError = 9,

    /// <summary>100 — unknown error (未知错误).</summary>
    UnknownError = 100,
}
