namespace EcoMonitor.Application.Access;

/// <summary>The result of checking a password against its stored hash (<see cref="AccountPasswords.Verify"/>).</summary>
public enum PasswordCheck
{
    /// <summary>Not the password (or the hash is not one we can read).</summary>
    Wrong,

    /// <summary>The password.</summary>
    Right,

    /// <summary>The password, but hashed with older settings: store <see cref="AccountPasswords.Hash"/> of it again.</summary>
    RightButRehash,
}
