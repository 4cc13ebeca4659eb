using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Managing alarm rules and outlets' permit limits.</summary>
internal static class AlarmRuleEndpoints
{
    public static RouteGroupBuilder MapAlarmRuleEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder rules = api.MapGroup("/alarm-rules").WithTags("Alarms");
        rules.MapGet("/", ListAsync).RequirePermission(Permission.AlarmRulesRead).WithSummary("Every alarm rule (enabled or not), as in the rule file (docs/alarms.md); a rule for one station only to those whose jurisdiction covers it.");
        rules.MapGet("/{id}", GetAsync).RequirePermission(Permission.AlarmRulesRead).WithSummary("One alarm rule.");
        rules.MapPut("/{id}", PutAsync)
            .RequirePermission(Permission.AlarmRulesWrite)
            .WithSummary("Creates or replaces a rule; applies to values arriving from then on.")
            .WithDescription("The body is a rule as in config/alarm-rules.json; its `id` must equal the route's. An exceedance rule's `limitSource` is fixed (with `limit`), permit, waterTargetClass, drinkingWaterSource (GB 3838-2002 Table 2 and Table 1 class III at sections registered as drinking-water sources) or gb3095ClassII (docs/alarms.md, Limit sources). 400 lists every problem.");
        rules.MapDelete("/{id}", DeleteAsync)
            .RequirePermission(Permission.AlarmRulesWrite)
            .WithSummary("Deletes a rule. Its open alarms stay (their evidence holds the rule as it was).");

        RouteGroupBuilder permits = api.MapGroup("/stations/{mn}/permit-limits").WithTags("Alarms");
        permits.MapGet("/", PermitsAsync).RequirePermission(Permission.PermitsRead).WithSummary("An outlet's discharge permit limits (排污许可限值) used by permit-based rules.");
        permits.MapPut("/", PutPermitsAsync)
            .RequirePermission(Permission.PermitsWrite)
            .WithSummary("Replaces an outlet's permit limits (a JSON array of {parameter, limit, permitNumber}).");
        return api;
    }

    private static async Task<Ok<AlarmRuleDocument[]>> ListAsync(ClaimsPrincipal user, AlarmRuleSet rules, IStationStore stations, CancellationToken cancellationToken)
    {
        AccessScope scope = StaffScope.Of(user);
        var visible = new List<AlarmRuleDocument>();
        foreach (AlarmRule rule in rules.Current.AllRules)
        {
            if (await IsVisibleAsync(rule, scope, stations, cancellationToken))
            {
                visible.Add(AlarmRuleDocument.From(rule));
            }
        }

        return TypedResults.Ok(visible.ToArray());
    }

    private static async Task<Results<Ok<AlarmRuleDocument>, UnknownAlarmRuleProblem>> GetAsync(
        string id, ClaimsPrincipal user, AlarmRuleSet rules, IStationStore stations, CancellationToken cancellationToken) =>
        rules.Current.RulesById.TryGetValue(id, out AlarmRule? rule) && await IsVisibleAsync(rule, StaffScope.Of(user), stations, cancellationToken)
            ? TypedResults.Ok(AlarmRuleDocument.From(rule))
            : new UnknownAlarmRuleProblem($"No alarm rule with id '{id}'.");

    /// <summary>A rule for one station is seen only by those whose scope covers the station (it names the MN and its limit); other rules by every reader.</summary>
    private static async Task<bool> IsVisibleAsync(AlarmRule rule, AccessScope scope, IStationStore stations, CancellationToken cancellationToken) =>
        scope.IsEverything || rule.Station is not { } station
        || await StationLookup.FindAsync(station.Value, scope, stations, cancellationToken) is not null;

    private static async Task<Results<Ok<AlarmRuleDocument>, InvalidBodyProblem>> PutAsync(
        string id, AlarmRuleDocument body, AlarmRuleSet rules, HttpContext context, CancellationToken cancellationToken)
    {
        body.Id ??= id;
        if (!string.Equals(body.Id, id, StringComparison.Ordinal))
        {
            string reason = $"The body's id '{body.Id}' differs from the route's '{id}'.";
            return new InvalidBodyProblem(reason, ApiProblems.Errors("$.id", reason));
        }

        IReadOnlyList<string> errors = await rules.UpsertAsync(body, AuditActor.Of(context), cancellationToken);
        return errors.Count > 0
            ? new InvalidBodyProblem(string.Join("; ", errors), ApiProblems.Errors("$", [.. errors]))
            : TypedResults.Ok(AlarmRuleDocument.From(rules.Current.RulesById[id]));
    }

    private static async Task<Results<NoContent, UnknownAlarmRuleProblem>> DeleteAsync(
        string id, AlarmRuleSet rules, HttpContext context, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, AuditActor.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : new UnknownAlarmRuleProblem($"No alarm rule with id '{id}'.");

    private static async Task<Results<Ok<PermitLimitDto[]>, UnknownStationProblem>> PermitsAsync(
        string mn, ClaimsPrincipal user, IStationStore stations, IPermitLimitStore permits, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        IReadOnlyList<PermitLimit> all = await permits.ListPermitLimitsAsync(cancellationToken);
        return TypedResults.Ok(all.Where(p => p.Station == station.Id).Select(p => new PermitLimitDto(p.Parameter.Value, p.Limit, p.PermitNumber)).ToArray());
    }

    private static async Task<Results<Ok<PermitLimitDto[]>, UnknownStationProblem, InvalidBodyProblem>> PutPermitsAsync(
        string mn, PermitLimitDto[] body, IStationStore stations, AlarmRuleSet rules, HttpContext context, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(context.User), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        List<(string Place, string Reason)> errors = [];
        List<PermitLimit> limits = [];
        for (int i = 0; i < body.Length; i++)
        {
            PermitLimitDto item = body[i];
            if (!ParameterCode.TryParse(item.Parameter, out ParameterCode parameter))
            {
                errors.Add((ApiProblems.Place(isArray: true, i, "parameter"), $"'{item.Parameter}' is not an HJ 212 parameter code"));
            }
            else if (item.Limit <= 0)
            {
                errors.Add((ApiProblems.Place(isArray: true, i, "limit"), $"{item.Parameter}: the limit must be positive"));
            }
            else if (limits.Exists(l => l.Parameter == parameter))
            {
                errors.Add((ApiProblems.Place(isArray: true, i, "parameter"), $"{item.Parameter} is given twice"));
            }
            else if (PermitLimit.PermitNumberProblem(item.PermitNumber ?? string.Empty) is { } problem)
            {
                errors.Add((ApiProblems.Place(isArray: true, i, "permitNumber"), $"{item.Parameter} permitNumber: {problem}"));
            }
            else
            {
                limits.Add(new PermitLimit(station.Id, parameter, item.Limit, item.PermitNumber ?? string.Empty));
            }
        }

        if (errors.Count > 0)
        {
            return new InvalidBodyProblem(string.Join("; ", errors.Select(e => e.Reason)), ApiProblems.Errors(errors));
        }

        await rules.ReplacePermitLimitsAsync(station.Id, limits, AuditActor.Of(context), cancellationToken);
        return TypedResults.Ok(limits.Select(p => new PermitLimitDto(p.Parameter.Value, p.Limit, p.PermitNumber)).ToArray());
    }
}
