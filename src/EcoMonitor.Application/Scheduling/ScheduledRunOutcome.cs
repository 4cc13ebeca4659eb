namespace EcoMonitor.Application.Scheduling;

/// <summary>What <see cref="ScheduledRuns.RunIfDueAsync"/> did about the current slot.</summary>
public enum ScheduledRunOutcome
{
    /// <summary>This node claimed the slot and the work succeeded.</summary>
    Ran,

    /// <summary>This node claimed the slot and the work failed (logged; the slot is not run again, the next one is).</summary>
    Failed,

    /// <summary>The slot's run had ended (here or on another node).</summary>
    AlreadyRun,

    /// <summary>Another node holds the slot's run; asked again when its lease ends, to take over if it died.</summary>
    RunningElsewhere,

    /// <summary>This node lost its claim while working (its lease ran out and another node took over); its work was cancelled.</summary>
    Lost,

    /// <summary>The store could not be asked (logged); asked again after <see cref="ScheduleOptions.RetryDelay"/>.</summary>
    StoreFailed,
}
