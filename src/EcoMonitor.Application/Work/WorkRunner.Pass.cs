namespace EcoMonitor.Application.Work;

/// <summary>One pass over what was taken from the queue: rebuild replayed days, work in chunks, find what fails.</summary>
internal sealed partial class WorkRunner<TItem>
{
    private async Task PassAsync(WorkBatch<TItem> batch, CancellationToken cancellationToken)
    {
        List<WorkGroup<TItem>> groups = Group(batch);
        var done = new HashSet<WorkGroup<TItem>>();
        bool goesOn = await RecoverAsync(groups, done, cancellationToken);
        foreach (List<WorkGroup<TItem>> chunk in Chunks(groups.Where(g => g.HasItems && !done.Contains(g))))
        {
            if (!goesOn || !(goesOn = await ProcessChunkAsync(chunk, done, cancellationToken)))
            {
                break;
            }
        }

        if (!goesOn)
        {
            // Stopping, or the store failed: everything not done waits for the next pass (it is pending in the store too).
            foreach (WorkGroup<TItem> group in groups.Where(g => !done.Contains(g)))
            {
                _queue.Return(group.Items, group.Progress, group.Replays);
            }

            return;
        }

        // Days whose commits left nothing to do for this consumer are completed as they are.
        foreach (WorkGroup<TItem> group in groups.Where(g => !g.HasItems && !done.Contains(g)))
        {
            Complete(group);
            done.Add(group);
        }

        _storeDelay = _options.RetryDelay;
        _outage.Succeeded();
    }

    /// <summary>The batch by station-day, in order of their first item; set-aside days left out, days waiting for a retry joined to it.</summary>
    private List<WorkGroup<TItem>> Group(WorkBatch<TItem> batch)
    {
        var byDay = new Dictionary<WorkDay, WorkGroup<TItem>>();
        WorkGroup<TItem> Of(WorkDay day) => byDay.TryGetValue(day, out WorkGroup<TItem>? g) ? g : byDay[day] = new WorkGroup<TItem>(day);
        for (int i = 0; i < batch.Items.Count; i++)
        {
            WorkGroup<TItem> group = Of(_consumer.DayOf(batch.Items[i]));
            group.Items.Add(batch.Items[i]);
            group.Order = Math.Min(group.Order, i);
        }

        foreach (DayProgress progress in batch.Days)
        {
            Of(progress.Day).Progress.Add(progress);
        }

        foreach (PendingDay replay in batch.Replays)
        {
            // A replay of a set-aside day is its retry.
            _setAside.Remove(replay.Day);
            Of(replay.Day).Replays.Add(replay);
        }

        var groups = new List<WorkGroup<TItem>>(byDay.Count);
        foreach (WorkGroup<TItem> group in byDay.Values)
        {
            if (_setAside.Contains(group.Day))
            {
                // Set aside until someone retries it: its new work waits in the store too.
                continue;
            }

            int deferred = _deferred.FindIndex(d => d.Group.Day == group.Day);
            if (deferred >= 0)
            {
                WorkGroup<TItem> waiting = _deferred[deferred].Group;
                waiting.Items.AddRange(group.Items);
                waiting.Progress.AddRange(group.Progress);
                waiting.Replays.AddRange(group.Replays);
                continue;
            }

            groups.Add(group);
        }

        groups.Sort((a, b) => a.Order.CompareTo(b.Order));
        return groups;
    }

    /// <summary>Rebuilds the items of replayed days from the store; a day that fails to rebuild counts as failed. False: the pass stops.</summary>
    private async Task<bool> RecoverAsync(List<WorkGroup<TItem>> groups, HashSet<WorkGroup<TItem>> done, CancellationToken cancellationToken)
    {
        foreach (WorkGroup<TItem> group in groups.Where(g => g.Replays.Count > 0))
        {
            try
            {
                group.Recovered.AddRange(await _consumer.RecoverAsync(group.Day, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception exception)
            {
                // Not swallowed: recorded as the day's attempt, or as a failure of the store.
                if (!await FailAsync([(group, exception)], anySucceeded: false, groups, cancellationToken))
                {
                    return false;
                }

                done.Add(group);
            }
        }

        return true;
    }

    /// <summary>Groups of whole station-days, about <see cref="IWorkConsumer{TItem}.ChunkSize"/> items each.</summary>
    private IEnumerable<List<WorkGroup<TItem>>> Chunks(IEnumerable<WorkGroup<TItem>> groups)
    {
        var chunk = new List<WorkGroup<TItem>>();
        int items = 0;
        foreach (WorkGroup<TItem> group in groups)
        {
            if (chunk.Count > 0 && items + group.ItemCount > _consumer.ChunkSize)
            {
                yield return chunk;
                chunk = [];
                items = 0;
            }

            chunk.Add(group);
            items += group.ItemCount;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// Works on a chunk at once; when that fails, on each of its station-days alone, to find the failing ones. False:
    /// the pass stops (a stop, or the store failed).
    /// </summary>
    private async Task<bool> ProcessChunkAsync(List<WorkGroup<TItem>> chunk, HashSet<WorkGroup<TItem>> done, CancellationToken cancellationToken)
    {
        (Exception? failure, bool isStopping) = await TryProcessAsync(chunk, cancellationToken);
        if (isStopping)
        {
            return false;
        }

        if (failure is null)
        {
            foreach (WorkGroup<TItem> group in chunk)
            {
                Complete(group);
                done.Add(group);
            }

            return true;
        }

        if (chunk.Count == 1)
        {
            if (!await FailAsync([(chunk[0], failure)], anySucceeded: false, chunk, cancellationToken))
            {
                return false;
            }

            done.Add(chunk[0]);
            return true;
        }

        // Split: every station-day alone. A store failure stops at once; a database error that might be the store's
        // counts against the day only when others succeed.
        bool anySucceeded = false;
        List<(WorkGroup<TItem> Group, Exception Error)> uncertain = [];
        foreach (WorkGroup<TItem> group in chunk)
        {
            (Exception? error, bool stopping) = await TryProcessAsync([group], cancellationToken);
            if (stopping)
            {
                return false;
            }

            if (error is null)
            {
                anySucceeded = true;
                Complete(group);
                done.Add(group);
            }
            else if (WorkErrors.Classify(error) == WorkFailureCause.StoreOrItem)
            {
                uncertain.Add((group, error));
            }
            else if (await FailAsync([(group, error)], anySucceeded, [.. chunk.Where(g => !done.Contains(g))], cancellationToken))
            {
                done.Add(group);
            }
            else
            {
                return false;
            }
        }

        if (uncertain.Count == 0)
        {
            return true;
        }

        if (!await FailAsync(uncertain, anySucceeded, [.. uncertain.Select(u => u.Group)], cancellationToken))
        {
            return false;
        }

        foreach ((WorkGroup<TItem> group, _) in uncertain)
        {
            done.Add(group);
        }

        return true;
    }

    /// <summary>The exception when working on the groups' items failed (null when it succeeded); whether the host is stopping.</summary>
    private async Task<(Exception? Error, bool IsStopping)> TryProcessAsync(List<WorkGroup<TItem>> groups, CancellationToken cancellationToken)
    {
        try
        {
            await _consumer.ProcessAsync([.. groups.SelectMany(g => g.AllItems)], cancellationToken);
            return (null, false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, true);
        }
        catch (Exception exception)
        {
            // Not swallowed: the caller records it (an attempt of the day's own, or a failure of the store).
            return (exception, false);
        }
    }

    /// <summary>
    /// Records failed station-days. A failure of the store (or a database error while nothing succeeded) leaves
    /// <paramref name="unfinished"/> pending and pauses with a back-off (false: the pass stops); otherwise each day counts
    /// an attempt in the store, waits for its retry, and is set aside at the last attempt.
    /// </summary>
    private async Task<bool> FailAsync(
        List<(WorkGroup<TItem> Group, Exception Error)> failures, bool anySucceeded, IReadOnlyCollection<WorkGroup<TItem>> unfinished,
        CancellationToken cancellationToken)
    {
        Exception first = failures[0].Error;
        WorkFailureCause cause = WorkErrors.Classify(first);
        if (cause == WorkFailureCause.Store || (cause == WorkFailureCause.StoreOrItem && !anySucceeded))
        {
            PauseForStore(first, unfinished.Sum(g => g.ItemCount + g.Replays.Count));
            return false;
        }

        foreach ((WorkGroup<TItem> group, Exception error) in failures)
        {
            _counters.RecordFailure(_consumer.Kind, isStoreFailure: false);
            WorkFailure failure;
            try
            {
                failure = await _store.FailAsync(
                    _consumer.Kind, group.Day, WorkErrors.Describe(error), _options.MaxAttempts, NodaTime.Instant.FromDateTimeOffset(_time.GetUtcNow()), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception storeError)
            {
                // Not swallowed: the attempt could not be recorded, so nothing is counted and the work stays pending.
                PauseForStore(storeError, unfinished.Sum(g => g.ItemCount + g.Replays.Count));
                return false;
            }

            if (failure.IsSetAside)
            {
                _setAside.Add(group.Day);
                if (failure.IsNewlySetAside)
                {
                    ApplicationLog.WorkSetAside(_logger, error, _consumer.Kind, group.Day, failure.Attempts, failure.Id);
                    _counters.RecordSetAside(_consumer.Kind);
                }

                continue;
            }

            ApplicationLog.WorkAttemptFailed(_logger, error, _consumer.Kind, group.Day, failure.Attempts, _options.MaxAttempts, _options.RetryDelay);
            group.Recovered.Clear();
            _deferred.Add((_time.GetUtcNow() + _options.RetryDelay, group));
        }

        return true;
    }

    private void PauseForStore(Exception exception, int items)
    {
        _counters.RecordFailure(_consumer.Kind, isStoreFailure: true);
        if (!_outage.TryLogUnavailable(exception))
        {
            ApplicationLog.WorkStoreFailed(_logger, exception, _consumer.Kind, items, _storeDelay);
        }

        _pausedUntil = _time.GetUtcNow() + _storeDelay;
        _storeDelay = TimeSpan.FromTicks(Math.Min(_storeDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
    }

    /// <summary>Records what a worked-on station-day completed, to be written with the next completions.</summary>
    private void Complete(WorkGroup<TItem> group)
    {
        bool isWhole = group.Replays.Count > 0 || (_consumer.CoversWholeDay && group.HasItems);
        if (isWhole)
        {
            // Worked on from what the store held after these commits: everything committed before them is covered too.
            foreach (PendingDay replay in group.Replays)
            {
                Completed(replay.Id).Whole = Math.Max(Completed(replay.Id).Whole, replay.Version);
            }

            foreach (DayProgress progress in group.Progress)
            {
                Completed(progress.Id).Whole = Math.Max(Completed(progress.Id).Whole, progress.Latest);
            }

            return;
        }

        foreach (DayProgress progress in group.Progress)
        {
            Completed(progress.Id).Versions.AddAll(progress);
        }
    }

    private CompletedRow Completed(long id)
    {
        if (!_completed.TryGetValue(id, out CompletedRow? row))
        {
            row = new CompletedRow(new DayProgress(default, id));
            _completed.Add(id, row);
        }

        return row;
    }
}
