namespace EcoMonitor.Cli.Eval;

/// <summary>
/// An input line of <c>ecomon eval</c> that cannot be evaluated; its message becomes that line's <c>error</c>.
/// A rejected line is an expected outcome, but field checks sit deep in nested inputs (samples, series, sections)
/// where a result type at every access would drown the evaluation; the exception never leaves
/// <see cref="EvalRunner.EvaluateLine"/>, which turns it into the line's answer.
/// </summary>
internal sealed class EvalInputException(string message) : Exception(message);
