namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>
/// The unfinished tasks of a <see cref="IChanjingClient.WaitForAllAsync"/>. Each round lists them 50 ids a request. The list
/// endpoint needs a type: every id is first looked for among video tasks; an id a listing does not return
/// is looked for among image tasks the next round, and so on alternately, until it is found or the deadline passes.
/// </summary>
internal sealed class ManyTaskRound
{
    private readonly List<string> _order;
    private readonly Dictionary<string, CreationType> _typeGuess;
    private readonly Dictionary<string, CreationTask> _lastKnown = new(StringComparer.Ordinal);
    private readonly List<CreationTask> _finished = [];

    /// <param name="ids">The ids, each once, in the caller's order (kept: the round removes finished ones from it, so it must be the round's own).</param>
    /// <param name="typeGuess">Every id of <paramref name="ids"/> with <see cref="CreationType.Video"/>, ordinal (kept too, and the round's own).</param>
    public ManyTaskRound(List<string> ids, Dictionary<string, CreationType> typeGuess)
    {
        _order = ids;
        _typeGuess = typeGuess;
    }

    /// <summary>The set of ids a round is made from: each id with the type it is looked for first.</summary>
    public static Dictionary<string, CreationType> NewSet(int capacity) => new(capacity, StringComparer.Ordinal);

    public int Count => _order.Count;

    /// <summary>One round: lists every unfinished task, 50 ids a request; finished ones move to <see cref="TakeFinished"/> as each request answers.</summary>
    public async Task PollAsync(ChanjingApi api, CancellationToken cancellationToken)
    {
        // Video first, then image: the guess of every id is one of the two (snapshotted per type before any request).
        var byType = new[] { Guessed(CreationType.Video), Guessed(CreationType.Image) };
        foreach (var (type, groupIds) in byType)
        {
            for (var i = 0; i < groupIds.Count; i += CreationTaskQuery.MaxPageSize)
            {
                var chunk = groupIds.GetRange(i, Math.Min(CreationTaskQuery.MaxPageSize, groupIds.Count - i)).ToArray();
                var page = await api.ListTasksAsync(type, chunk, null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
                var returned = OrdinalSet.WithCapacity(chunk.Length);
                foreach (var task in page.Tasks)
                {
                    if (!_typeGuess.ContainsKey(task.Id) || !returned.Add(task.Id))
                    {
                        continue;
                    }

                    if (task.Status.IsTerminal)
                    {
                        _finished.Add(task);
                        _typeGuess.Remove(task.Id);
                        _lastKnown.Remove(task.Id);
                    }
                    else
                    {
                        // Only what is still pending can be reported on a timeout.
                        _lastKnown[task.Id] = task;
                    }
                }

                foreach (var id in chunk)
                {
                    if (!returned.Contains(id))
                    {
                        _typeGuess[id] = type == CreationType.Video ? CreationType.Image : CreationType.Video;
                    }
                }

                _order.RemoveAll(id => !_typeGuess.ContainsKey(id));
            }
        }
    }

    private (CreationType Type, List<string> Ids) Guessed(CreationType type)
    {
        var ids = new List<string>();
        foreach (var id in _order)
        {
            if (_typeGuess[id] == type)
            {
                ids.Add(id);
            }
        }

        return (type, ids);
    }

    public List<CreationTask> TakeFinished()
    {
        var finished = _finished.ToList();
        _finished.Clear();
        return finished;
    }

    public IReadOnlyList<string> PendingIds() => _order.ToArray();

    public ChanjingWaitTimeoutException Timeout(TimeSpan timeout)
    {
        var ids = _order.ToArray();
        CreationTask? last = null;
        if (ids.Length > 0)
        {
            _lastKnown.TryGetValue(ids[0], out last);
        }

        return new ChanjingWaitTimeoutException(ids, last, timeout);
    }
}
