using System.Security.Cryptography;
using EcoMonitor.Application.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// At start-up, records the quality rules file in the audit trail when it differs from the one recorded last (subject
/// <c>config</c>/<c>quality-rules</c>; <c>config.loaded</c> the first time, <c>config.changed</c> after; before/after:
/// the file's SHA-256 and size). An unchanged file records nothing.
/// </summary>
public sealed class QualityRulesAudit(IOptions<QualityOptions> options, IAuditLog log, IAuditTrail trail) : IHostedService
{
    /// <summary>The audit subject type of configuration files.</summary>
    public const string SubjectType = "config";

    /// <summary>The audit subject id of the quality rules file.</summary>
    public const string SubjectId = "quality-rules";

    /// <summary>The actor of start-up configuration records.</summary>
    public const string Actor = "system:startup";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string path = options.Value.RulesFile;
        byte[] content = await File.ReadAllBytesAsync(path, cancellationToken);
        var now = new FileState(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(content)), content.Length);
        IReadOnlyList<AuditEntry> last = await log.QueryAsync(new AuditQuery { SubjectType = SubjectType, SubjectId = SubjectId, Limit = 1 }, cancellationToken);
        string? before = last.Count == 0 ? null : last[0].After;
        if (before is not null && before.Contains($"\"sha256\":\"{now.Sha256}\"", StringComparison.Ordinal))
        {
            return;
        }

        await trail.RecordAsync(
            new AuditRecord(Actor, before is null ? "config.loaded" : "config.changed", SubjectType, SubjectId)
            {
                Before = before, After = AuditJson.Serialize(now), Reason = $"{Path.GetFullPath(path)} read at start-up",
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record FileState(string File, string Sha256, long Bytes);
}
