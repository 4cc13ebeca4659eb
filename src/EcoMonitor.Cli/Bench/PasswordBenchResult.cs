namespace EcoMonitor.Cli.Bench;

/// <summary>What a password-guessing run measured.</summary>
/// <param name="Mn">The station guessed at.</param>
/// <param name="Duration">How long guesses were sent.</param>
/// <param name="AnsweredAt">When each refusal (QnRtn 3) arrived, from the start, in order.</param>
/// <param name="RightPasswordWait">How long the right password took to be answered afterwards, if it was sent.</param>
/// <param name="RightPasswordCommand">The command that answered it (9014 when accepted), if it was sent.</param>
internal sealed record PasswordBenchResult(string Mn, TimeSpan Duration, IReadOnlyList<TimeSpan> AnsweredAt, TimeSpan? RightPasswordWait, int? RightPasswordCommand)
{
    /// <summary>Wrong passwords answered per second over the run.</summary>
    public double Rate => AnsweredAt.Count / Duration.TotalSeconds;

    /// <summary>When the n-th guess (1-based) was answered, or null when fewer were.</summary>
    public TimeSpan? Answered(int n) => n <= AnsweredAt.Count ? AnsweredAt[n - 1] : null;
}
