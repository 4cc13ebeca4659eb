namespace EcoMonitor.Application.Storage;

/// <summary>What an append did: new keys inserted, identical resends ignored, changed values revised.</summary>
public readonly record struct AppendResult(int Inserted, int Unchanged, int Revised)
{
    /// <summary>Observations handled.</summary>
    public int Total => Inserted + Unchanged + Revised;

    /// <summary>Sum of two results.</summary>
    public static AppendResult operator +(AppendResult a, AppendResult b) =>
        new(a.Inserted + b.Inserted, a.Unchanged + b.Unchanged, a.Revised + b.Revised);
}
