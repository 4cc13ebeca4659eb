using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application.Tests.Registry;

/// <summary>Collects log entries (event id and formatted message) so tests can check what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(EventId EventId, LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((eventId, logLevel, formatter(state, exception)));
}
