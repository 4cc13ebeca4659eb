using System.Globalization;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Judges a new password against <see cref="PasswordPolicyOptions"/> before it is hashed: length, character classes, and
/// not containing the account's name. Reuse of earlier passwords is judged by <see cref="AccountPasswords"/>, which holds
/// the hashes. Reasons are written for the person choosing the password.
/// </summary>
public sealed class PasswordPolicy(IOptions<PasswordPolicyOptions> options)
{
    private readonly PasswordPolicyOptions _options = options.Value;

    /// <summary>The policy's settings.</summary>
    public PasswordPolicyOptions Options => _options;

    /// <summary>Every rule <paramref name="password"/> breaks for the account <paramref name="userName"/>; empty when it may be used.</summary>
    public IReadOnlyList<string> Problems(string password, string userName)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(userName);
        List<string> problems = [];
        int length = new StringInfo(password).LengthInTextElements;
        if (length < _options.MinLength)
        {
            problems.Add($"at least {_options.MinLength} characters (this one has {length})");
        }

        if (password.Length > _options.MaxLength)
        {
            problems.Add($"at most {_options.MaxLength} characters");
        }

        int classes = CharacterClasses(password);
        if (classes < _options.MinCharacterClasses)
        {
            problems.Add($"at least {_options.MinCharacterClasses} of the four kinds of character: lower-case letters, upper-case letters, digits, others (this one uses {classes})");
        }

        if (userName.Length >= 3 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("must not contain the account name");
        }

        return problems;
    }

    /// <summary>How many of the four classes (lower, upper, digit, other) <paramref name="password"/> uses.</summary>
    public static int CharacterClasses(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        bool lower = false, upper = false, digit = false, other = false;
        foreach (char c in password)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            else if (char.IsUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
