namespace EcoMonitor.Application.Audit;

/// <summary>Actor names of the platform's own components (users appear by their authenticated name).</summary>
public static class AuditActors
{
    /// <summary>The registry file seeded at start-up.</summary>
    public const string RegistrySeed = "system:registry-seed";

    /// <summary>Hashing station passwords an older version stored in clear (at start-up).</summary>
    public const string PasswordHashing = "system:password-hashing";

    /// <summary>The alarm rule file seeded at start-up.</summary>
    public const string RuleSeed = "system:rule-seed";

    /// <summary>A change made through an API of the platform that did not name who asked for it.</summary>
    public const string Unattributed = "system:unattributed";

    /// <summary>The sample files imported at start-up (docs/samples).</summary>
    public const string Samples = "system:samples";

    /// <summary>The account service, for what no person did (an account locked after repeated failures).</summary>
    public const string Accounts = "system:accounts";

    /// <summary>
    /// Whoever held the first-run set-up token and created the three separated administrators with it (ADR 0036 §6;
    /// the record carries their address). Reserved: no account has this name.
    /// </summary>
    public const string SetUp = "set-up";

    /// <summary>Automatic quality checks.</summary>
    public const string QualityChecks = "system:quality";
}
