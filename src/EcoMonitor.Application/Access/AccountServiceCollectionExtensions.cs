using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoMonitor.Application.Access;

/// <summary>Registration of people's accounts (ADR 0036).</summary>
public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AccountOptions"/> (<c>Accounts</c>) and <see cref="PasswordPolicyOptions"/>
    /// (<c>Accounts:PasswordPolicy</c>), validated on start, and registers <see cref="AccountService"/> with its
    /// helpers. and <see cref="FirstRunSetUp"/>. Needs an <see cref="IAccountStore"/>, an <see cref="ISetUpTokenStore"/>, the audit trail and an <see cref="ITotpSecretProtector"/>.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.SectionName)
            .Validate(o => o.Problem() is null, "Accounts settings are not usable (MaxFailedSignIns 3–100, LockoutDuration > 0, TotpIssuer set, SetUpTokenLifetime > 0)").ValidateOnStart();
        services.AddOptions<PasswordPolicyOptions>().BindConfiguration(PasswordPolicyOptions.SectionName)
            .Validate(o => o.Problem() is null, "Accounts:PasswordPolicy is not usable (MinLength 8–128, MaxLength 64–1024, MinCharacterClasses 1–4, HistoryDepth 0–24, AdministratorMaxAge > 0)").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountPasswords>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<RecoveryCodes>();
        services.AddSingleton<TotpAuthenticator>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<FirstRunSetUp>();
        return services;
    }
}
