namespace EcoMonitor.Quality;

/// <summary>What a rule's finding does to a value. Ordered: a value's state is the most severe of its findings.</summary>
public enum QualitySeverity
{
    /// <summary>Kept and used, but marked (e.g. HJ 212 flag S, a manually set value; a back-filled value).</summary>
    Marked = 1,

    /// <summary>Kept and used, but queued for review (数据审核): plausible yet unusual (spike, flat line, PM2.5 &gt; PM10).</summary>
    Suspect = 2,

    /// <summary>Kept but excluded from evaluation until a reviewer says otherwise (instrument not measuring, impossible value).</summary>
    Invalid = 3,
}
