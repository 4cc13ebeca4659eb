namespace EcoMonitor.Cli.Eval;

/// <summary>An input line of <c>ecomon eval</c> that cannot be evaluated; its message becomes that line's <c>error</c>.</summary>
internal sealed class EvalInputException(string message) : Exception(message);
