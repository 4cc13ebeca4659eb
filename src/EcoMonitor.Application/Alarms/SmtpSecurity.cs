namespace EcoMonitor.Application.Alarms;

/// <summary>How an e-mail channel secures its SMTP connection (rule file <c>smtpSecurity</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, else plain (SMTP on port 465: TLS on connect).</summary>
    Auto,

    /// <summary>STARTTLS required: a server that does not offer it gets nothing (the delivery fails and is retried).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text only (a relay inside a trusted network).</summary>
    None,
}
