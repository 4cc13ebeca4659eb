using System.Globalization;
using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Targets;

/// <summary>
/// Sets and removes assessment targets (<see cref="RegionTargets"/>): checks them (<see cref="Check"/>), writes the
/// store, then records the change in the audit trail with the old and the new value (<c>target.set</c>,
/// <c>target.changed</c>, <c>target.removed</c>; subject <c>target</c> <c>region/year</c>). Who may set which region is
/// the caller's decision (permission <c>targets.write</c> and jurisdiction). Thread-safe.
/// </summary>
public sealed class TargetRegister(ITargetStore store, IAuditTrail audit, TimeProvider time)
{
    private const string SubjectType = "target";

    /// <summary>
    /// The problems of <paramref name="targets"/> (empty when acceptable): year in range, values in range (PM2.5 0..500
    /// µg/m³, ratios 0..100 %, heavy days 0..366), at least one measure or section, and every section a surface-water
    /// station of <paramref name="stations"/> inside the region with a class 1..5.
    /// </summary>
    public static IReadOnlyList<TargetProblem> Check(RegionTargets targets, IReadOnlyList<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(stations);
        var problems = new List<TargetProblem>();
        if (targets.Year is < RegionTargets.FirstYear or > RegionTargets.LastYear)
        {
            problems.Add(new("$.year", $"the year must be from {RegionTargets.FirstYear} to {RegionTargets.LastYear}"));
        }

        if (targets.Pm25 is { } pm25 && (pm25 <= 0m || pm25 > RegionTargets.MaxPm25))
        {
            problems.Add(new("$.pm25", $"the PM2.5 target must be above 0 and at most {RegionTargets.MaxPm25} µg/m³"));
        }

        if (targets.GoodDayRatio is { } ratio && (ratio < 0m || ratio > 100m))
        {
            problems.Add(new("$.goodDayRatio", "the good-day ratio must be from 0 to 100 %"));
        }

        if (targets.HeavyPollutionDays is { } days && (days < 0 || days > 366))
        {
            problems.Add(new("$.heavyPollutionDays", "the heavy-pollution days must be from 0 to 366"));
        }

        if (targets.GoodWaterShare is { } share && (share < 0m || share > 100m))
        {
            problems.Add(new("$.goodWaterShare", "the share of good water sections must be from 0 to 100 %"));
        }

        CheckSections(targets, stations, problems);
        if (targets is { Pm25: null, GoodDayRatio: null, HeavyPollutionDays: null, GoodWaterShare: null, SectionClasses.Count: 0 })
        {
            problems.Add(new("$", "give at least one target (pm25, goodDayRatio, heavyPollutionDays, goodWaterShare or sections)"));
        }

        return problems;
    }

    /// <summary>Stores <paramref name="targets"/> (already checked) as set by <paramref name="actor"/> now; returns what was stored.</summary>
    public async Task<RegionTargets> SetAsync(RegionTargets targets, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        RegionTargets stored = targets with
        {
            SectionClasses = [.. targets.SectionClasses.OrderBy(s => s.Section.Value, StringComparer.Ordinal)],
            SetBy = actor,
            SetAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
        };
        RegionTargets? before = await store.PutAsync(stored, cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(actor, before is null ? "target.set" : "target.changed", SubjectType, SubjectId(stored.Region, stored.Year))
            {
                Before = Json(before), After = Json(stored),
            },
            cancellationToken);
        return stored;
    }

    /// <summary>Removes the targets as done by <paramref name="actor"/>; false when there were none (nothing recorded).</summary>
    public async Task<bool> RemoveAsync(RegionCode region, int year, string actor, CancellationToken cancellationToken)
    {
        RegionTargets? removed = await store.DeleteAsync(region, year, cancellationToken);
        if (removed is null)
        {
            return false;
        }

        await audit.RecordAsync(new AuditRecord(actor, "target.removed", SubjectType, SubjectId(region, year)) { Before = Json(removed) }, cancellationToken);
        return true;
    }

    private static void CheckSections(RegionTargets targets, IReadOnlyList<Station> stations, List<TargetProblem> problems)
    {
        if (targets.SectionClasses.Count > RegionTargets.MaxSections)
        {
            problems.Add(new("$.sections", $"at most {RegionTargets.MaxSections} sections"));
            return;
        }

        var byId = stations.ToDictionary(s => s.Id);
        foreach (SectionTargetClass section in targets.SectionClasses)
        {
            string field = "$.sections." + section.Section.Value;
            if (!byId.TryGetValue(section.Section, out Station? station) || station.Type != StationType.SurfaceWater
                || !targets.Region.Contains(station.Region))
            {
                problems.Add(new(field, $"no surface-water section {section.Section} is registered in region {targets.Region}"));
            }
            else if (section.Class is < 1 or > 5)
            {
                problems.Add(new(field, "the target class must be 1 to 5 (I to V)"));
            }
        }
    }

    private static string SubjectId(RegionCode region, int year) => $"{region}/{year.ToString(CultureInfo.InvariantCulture)}";

    private static string? Json(RegionTargets? t) => t is null
        ? null
        : AuditJson.Serialize(new
        {
            region = t.Region.Value,
            year = t.Year,
            pm25 = t.Pm25,
            goodDayRatio = t.GoodDayRatio,
            heavyPollutionDays = t.HeavyPollutionDays,
            goodWaterShare = t.GoodWaterShare,
            sections = t.SectionClasses.ToDictionary(s => s.Section.Value, s => s.Class, StringComparer.Ordinal),
        });
}
