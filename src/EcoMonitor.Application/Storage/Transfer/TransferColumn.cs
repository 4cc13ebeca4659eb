namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>One column of a table's neutral transfer layout: its name (the same in every engine) and value kind.</summary>
public sealed record TransferColumn(string Name, TransferValueKind Kind);
