using System.Collections.Concurrent;

namespace Chanjing.Sdk.Internal.Submits;

/// <summary>
/// What this process knows about the submits sent to one service: the task ids they returned (directly or by a claim),
/// and the submits that could still own a task: those in flight, and those whose outcome stayed unknown. Reconciliation
/// reads it so that no id is returned twice and no task is claimed while another submit could own it.
/// </summary>
/// <remarks>
/// One for the whole process (<see cref="Shared"/>), not one per account, credential or address: task ids are unique,
/// so one account used with a fixed token and with app id + secret, across a token rotation, or through two addresses
/// of the service (a host name and its IP) shares one registry, and a submit of another account can only make a claim
/// less likely, never wrong.
/// </remarks>
internal sealed class SubmitRegistry
{
    private const int PruneAbove = 4096;
    private static readonly TimeSpan Keep = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, (TimeProvider Time, long At)> _returned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Registration, (TimeProvider Time, long At)> _open = new();

    // Entries kept (returned ids, unsettled submits) since the last scan for old ones, and how many may be added before the next: twice what the last
    // scan kept (at least PruneAbove), so a registry full of recent entries is scanned O(log n) times, not per submit.
    // Counted here because ConcurrentDictionary.Count takes every lock.
    private int _addedSincePrune;
    private int _pruneAfter = PruneAbove;
    private int _prunes;

    /// <summary>The registry of every client in the process.</summary>
    public static SubmitRegistry Shared { get; } = new();

    /// <summary>A registry of its own, for tests that fake a service each (the process's is shared by all of them).</summary>
    public static SubmitRegistry CreateForTests() => new();

    /// <summary>Whether a submit returned <paramref name="id"/>.</summary>
    public bool WasReturned(string id) => _returned.ContainsKey(id);

    /// <summary>
    /// Records a submit before its request is sent. Until <see cref="Registration.Answered"/>, <see cref="Registration.Returned"/> or
    /// <see cref="Registration.Close"/> settles it, it is a submit that could own any task it <see cref="SubmitFingerprint.MayMatch"/>.
    /// </summary>
    public Registration Begin(SubmitFingerprint fingerprint, TimeProvider time)
    {
        var registration = new Registration(this, fingerprint, time);
        _open[registration] = (time, time.GetTimestamp());
        return registration;
    }

    /// <summary>Whether a submit other than <paramref name="self"/> is in flight, or ended without knowing its task, and could own <paramref name="task"/>.</summary>
    public bool AnotherCouldOwn(Registration self, CreationTask task)
    {
        foreach (var open in _open.Keys)
        {
            if (!ReferenceEquals(open, self) && open.Fingerprint.MayMatch(task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records an id a product's create call returned (those never claim, so they register nothing else); false when it was already returned.</summary>
    public bool Returned(string id, TimeProvider time) => TryReturn(id, time);

    /// <summary>Records <paramref name="id"/> as returned; false when a submit already returned it.</summary>
    private bool TryReturn(string id, TimeProvider time)
    {
        if (!_returned.TryAdd(id, (time, time.GetTimestamp())))
        {
            return false;
        }

        Added();
        return true;
    }

    /// <summary>Submits registered and not settled, or settled as unknown (for tests).</summary>
    internal int OpenCount => _open.Count;

    /// <summary>How many times the registry scanned itself for old entries (for tests).</summary>
    internal int Prunes => Volatile.Read(ref _prunes);

    private void Added()
    {
        if (Interlocked.Increment(ref _addedSincePrune) <= Volatile.Read(ref _pruneAfter))
        {
            return;
        }

        lock (_open)
        {
            if (Volatile.Read(ref _addedSincePrune) <= _pruneAfter)
            {
                return; // another thread scanned meanwhile
            }

            Prune();
            Interlocked.Increment(ref _prunes);
            Volatile.Write(ref _pruneAfter, Math.Max(PruneAbove, 2 * (_returned.Count + _open.Count)));
            Volatile.Write(ref _addedSincePrune, 0);
        }
    }

    /// <summary>
    /// Forgets what is hours old. A task returned hours ago was created hours before any submit still reconciling
    /// began, and a look-back never starts before its submit began; a submit that ended unknown hours ago could own
    /// only tasks created by then (a request is processed while it is sent, minutes at most).
    /// </summary>
    private void Prune()
    {
        foreach (var old in _returned.Where(pair => pair.Value.Time.GetElapsedTime(pair.Value.At) > Keep).Select(pair => pair.Key).ToList())
        {
            _returned.TryRemove(old, out _);
        }

        foreach (var old in _open.Where(pair => pair.Key.Unsettled && pair.Value.Time.GetElapsedTime(pair.Value.At) > Keep).Select(pair => pair.Key).ToList())
        {
            _open.TryRemove(old, out _);
        }
    }

    /// <summary>One submit's entry. Settled by <see cref="Answered"/> or <see cref="Returned"/>, or closed as known-not-created or unknown.</summary>
    internal sealed class Registration
    {
        private readonly SubmitRegistry _owner;
        private readonly TimeProvider _time;
        private int _closed;

        public Registration(SubmitRegistry owner, SubmitFingerprint fingerprint, TimeProvider time)
        {
            _owner = owner;
            Fingerprint = fingerprint;
            _time = time;
        }

        public SubmitFingerprint Fingerprint { get; }

        /// <summary>
        /// The ids of the newest tasks listed just before the submit was sent (only when claims are allowed; null when
        /// not taken or the list failed). A task among them existed before the submit began, so it is never its own.
        /// </summary>
        public IReadOnlyCollection<string>? ListedBefore { get; set; }

        /// <summary>True once the submit ended without knowing whether it created a task: it could own a matching task for good.</summary>
        public bool Unsettled { get; private set; }

        /// <summary>Whether a submit returned <paramref name="id"/>.</summary>
        public bool WasReturned(string id) => _owner.WasReturned(id);

        /// <summary>Whether another submit could own <paramref name="task"/>.</summary>
        public bool AnotherCouldOwn(CreationTask task) => _owner.AnotherCouldOwn(this, task);

        /// <summary>The service answered the submit with <paramref name="id"/>; false when another submit already returned it.</summary>
        public bool Answered(string id)
        {
            // Either way the submit knows its own task now: it can own no other, so it blocks no claim.
            var first = _owner.TryReturn(id, _time);
            Close(mayHaveCreated: false);
            return first;
        }

        /// <summary>
        /// The submit claims <paramref name="id"/> as its task; false when another submit already returned it. A lost
        /// claim settles nothing: the submit still does not know its task, so it keeps blocking claims of tasks it could own.
        /// </summary>
        public bool Returned(string id)
        {
            if (!_owner.TryReturn(id, _time))
            {
                return false;
            }

            Close(mayHaveCreated: false);
            return true;
        }

        /// <summary>
        /// Ends the submit without a task id: removed when it certainly created nothing; kept (as unsettled, for some
        /// hours) when it may have, because a task it created may still be listed and must not be claimed by another.
        /// </summary>
        public void Close(bool mayHaveCreated)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }

            if (mayHaveCreated)
            {
                Unsettled = true;
                _owner._open[this] = (_time, _time.GetTimestamp());
                _owner.Added();
            }
            else
            {
                _owner._open.TryRemove(this, out _);
            }
        }
    }
}
