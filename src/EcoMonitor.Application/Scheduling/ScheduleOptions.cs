using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace EcoMonitor.Application.Scheduling;

/// <summary>Options of the scheduled work shared by the nodes (section <c>Schedule</c>; docs/deploy.md §6).</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>
    /// This node's name in the run table (who ran what). Default: the host name and process id, unique among nodes
    /// running at once; set a stable name per node to read the table more easily.
    /// </summary>
    [Required, StringLength(200, MinimumLength = 1)]
    public string NodeName { get; set; } = Environment.MachineName + ":" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// How long a claim holds without renewal; the node renews it every third of this while the work runs. A node that
    /// dies mid-run leaves its slot to be taken over this long after its last renewal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wait before asking again when the store could not be reached to claim a run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the run table keeps a slot's run (the housekeeping job <c>schedule.cleanup</c> deletes older ones).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepRuns { get; set; } = TimeSpan.FromDays(30);
}
