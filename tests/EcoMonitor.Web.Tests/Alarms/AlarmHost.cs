namespace EcoMonitor.Web.Tests.Alarms;

/// <summary>
/// One host for the alarm tests, with a rule file that sends notifications to a failing webhook (real Kestrel) and an
/// SMTP sink (real socket), fast alarm timers and short retry delays. Tests use their own outlets (MNs).
/// </summary>
public sealed class AlarmHost : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-alarms-").FullName;

    public ApiFactory Api { get; private set; } = null!;

    public FlakyWebhook Webhook { get; private set; } = null!;

    public SmtpSink Smtp { get; } = new();

    /// <summary>An SMTP server that requires authentication as <c>alarms</c> / <see cref="SmtpPassword"/>.</summary>
    public SmtpSink SmtpWithAuth { get; } = new("alarms", SmtpPassword);

    public const string SmtpPassword = "s3cret-密码";

    public async ValueTask InitializeAsync()
    {
        Webhook = await FlakyWebhook.StartAsync();
        string rules = Path.Combine(_directory, "alarm-rules.json");
        await File.WriteAllTextAsync(rules, $$"""
            {
              "channels": [
                { "id": "hook", "kind": "webhook", "url": "{{Webhook.Url}}" },
                { "id": "mail", "kind": "email", "smtpHost": "127.0.0.1", "smtpPort": {{Smtp.Port}}, "from": "alarms@ecomonitor.local", "to": ["duty@example.org"] },
                { "id": "mail-auth", "kind": "email", "smtpHost": "127.0.0.1", "smtpPort": {{SmtpWithAuth.Port}}, "smtpUser": "alarms", "from": "alarms@ecomonitor.local", "to": ["duty@example.org"] },
                { "id": "mail-wrong", "kind": "email", "smtpHost": "127.0.0.1", "smtpPort": {{SmtpWithAuth.Port}}, "smtpUser": "alarms", "from": "alarms@ecomonitor.local", "to": ["duty@example.org"] },
                { "id": "mail-nopass", "kind": "email", "smtpHost": "127.0.0.1", "smtpPort": {{SmtpWithAuth.Port}}, "smtpUser": "alarms", "from": "alarms@ecomonitor.local", "to": ["duty@example.org"] },
                { "id": "mail-tls", "kind": "email", "smtpHost": "127.0.0.1", "smtpPort": {{Smtp.Port}}, "smtpSecurity": "startTls", "from": "alarms@ecomonitor.local", "to": ["duty@example.org"] }
              ],
              "rules": [
                { "id": "so2-permit", "name": "烟气 SO2 超许可限值", "kind": "exceedance", "severity": "warning", "stationType": "flueGasOutlet",
                  "parameter": "a21026", "interval": "hour", "limitSource": "permit", "channels": ["hook", "mail"] },
                { "id": "so2-permit-3h", "name": "烟气 SO2 连续 3 小时超许可限值", "kind": "exceedance", "severity": "serious", "stationType": "flueGasOutlet",
                  "parameter": "a21026", "interval": "hour", "limitSource": "permit", "consecutive": 3,
                  "channels": ["mail-auth", "mail-wrong", "mail-nopass", "mail-tls"] }
              ]
            }
            """, TestContext.Current.CancellationToken);
        Api = ApiFactory.With(new Dictionary<string, string?>
        {
            ["Alarms:RulesFile"] = rules,
            ["Alarms:CheckInterval"] = "00:00:00.200",
            ["Alarms:NotificationPollInterval"] = "00:00:00.100",
            ["Alarms:RetryBaseDelay"] = "00:00:00.100",
            ["Alarms:RetryMaxDelay"] = "00:00:01",
            ["Alarms:SmtpPasswords:mail-auth"] = SmtpPassword,
            ["Alarms:SmtpPasswords:mail-wrong"] = "not-the-password",
        });
        _ = Api.Client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Webhook is not null)
        {
            await Webhook.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await SmtpWithAuth.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
