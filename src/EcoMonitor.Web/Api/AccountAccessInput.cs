using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Api;

/// <summary>An account's whole access, replacing what it had.</summary>
/// <param name="Roles">The roles (camelCase names; none takes every role away).</param>
/// <param name="Jurisdiction">The region code (province, city or county, 6 digits; 100000 the whole country) whose stations it sees; required for every role but the administrators'.</param>
/// <param name="Enterprise">For an enterprise user, and only then: its enterprise as registered on its outlets.</param>
public sealed record AccountAccessInput(IReadOnlyList<Role>? Roles, string? Jurisdiction, string? Enterprise);
