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

    public ManyTaskRound(List<string> ids)
    {
        _order = [.. ids];
        _typeGuess = ids.ToDictionary(id => id, _ => CreationType.Video, StringComparer.Ordinal);
    }

    public int Count => _order.Count;

    /// <summary>One round: lists every unfinished task, 50 ids a request; finished ones move to <see cref="TakeFinished"/> as each request answers.</summary>
    public async Task PollAsync(ChanjingApi api, CancellationToken cancellationToken)
    {
        foreach (var group in _order.GroupBy(id => _typeGuess[id].Value).ToList())
        {
            var type = new CreationType(group.Key);
            var groupIds = group.ToArray();
            for (var i = 0; i < groupIds.Length; i += CreationTaskQuery.MaxPageSize)
            {
                var chunk = groupIds.Skip(i).Take(CreationTaskQuery.MaxPageSize).ToArray();
                var page = await api.ListTasksAsync(type, chunk, null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
                var returned = OrdinalSet.WithCapacity(chunk.Length);
                foreach (var task in page.Tasks)
                {
                    if (!_typeGuess.ContainsKey(task.Id) || !returned.Add(task.Id))
                    {
                        continue;
                    }

                    _lastKnown[task.Id] = task;
                    if (task.Status.IsTerminal)
                    {
                        _finished.Add(task);
                        _typeGuess.Remove(task.Id);
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
