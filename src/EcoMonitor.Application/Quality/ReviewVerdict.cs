namespace EcoMonitor.Application.Quality;

/// <summary>What a reviewer decided about values (数据审核).</summary>
public enum ReviewVerdict
{
    /// <summary>The values are valid: used in evaluation even if an automatic rule called them invalid.</summary>
    Valid,

    /// <summary>The values are invalid: kept, but excluded from evaluation.</summary>
    Invalid,
}
