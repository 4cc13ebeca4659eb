using System.Data.Common;
using System.Net.Sockets;

namespace EcoMonitor.Application.Work;

/// <summary>
/// Tells a failure of the store (every item would fail alike: work stays pending and is retried with a back-off) from
/// a failure of one item's own (counted, and set aside after repeated attempts). Pure.
/// </summary>
internal static class WorkErrors
{
    /// <summary>Longest error text kept with failed work.</summary>
    public const int MaxErrorLength = 2_000;

    /// <summary>
    /// <see cref="WorkFailureCause.Store"/> for the store or its connection failing (an I/O error, a timeout, a socket
    /// error, a database error its driver calls transient, an object disposed while the host stops);
    /// <see cref="WorkFailureCause.StoreOrItem"/> for another database error (a constraint or data error of the item,
    /// or a full disk: told apart by whether other items succeed); <see cref="WorkFailureCause.Item"/> for anything else
    /// (e.g. <see cref="OverflowException"/>, <see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    public static WorkFailureCause Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        WorkFailureCause cause = WorkFailureCause.Item;
        foreach (Exception e in Chain(exception))
        {
            switch (e)
            {
                case DbException { IsTransient: true }:
                case IOException or TimeoutException or SocketException or ObjectDisposedException:
                    return WorkFailureCause.Store;
                case DbException:
                    cause = WorkFailureCause.StoreOrItem;
                    break;
            }
        }

        return cause;
    }

    /// <summary>The error as kept with failed work: the exception's type and message (and its innermost one's), no stack trace.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        string text = $"{exception.GetType().FullName}: {exception.Message}";
        if (!ReferenceEquals(inner, exception))
        {
            text += $" ---> {inner.GetType().FullName}: {inner.Message}";
        }

        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.Count > 0)
        {
            Exception e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
