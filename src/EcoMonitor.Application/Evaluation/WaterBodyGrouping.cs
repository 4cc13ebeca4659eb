namespace EcoMonitor.Application.Evaluation;

/// <summary>How sections are grouped for a rating (地表水环境质量评价办法（试行）二(二)).</summary>
public enum WaterBodyGrouping
{
    /// <summary>By the registered basin (流域) of every section, rivers and lakes alike.</summary>
    Basin,

    /// <summary>By the registered name of the river; lake and reservoir sections and sections without a name are left out.</summary>
    River,
}
