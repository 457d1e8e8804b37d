using System.Collections.Concurrent;

namespace MCPilot.Discord.Caching;

/// <summary>
/// Values looked up once per key and kept: concurrent first callers share one lookup, a failed or
/// cancelled lookup is not kept (the next caller tries again), and a value can be set or removed
/// from outside (a listing, a Gateway event). Past its capacity it starts over.
/// </summary>
internal sealed class AsyncLookupCache<T>(int capacity = AsyncLookupCache<T>.DefaultCapacity)
    where T : class
{
    /// <summary>The default number of keys kept.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly int _capacity = capacity;
    private readonly ConcurrentDictionary<ulong, Lazy<Task<T>>> _entries = new();

    /// <summary>How many keys are held (lookups in flight included).</summary>
    public int Count => _entries.Count;

    /// <summary>The value of <paramref name="key"/>, looked up with <paramref name="load"/> the first time.</summary>
    public async Task<T> GetAsync(ulong key, Func<ulong, Task<T>> load, CancellationToken cancellationToken)
    {
        TrimIfFull();
        var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<T>>(() => load(k)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _entries.TryRemove(new KeyValuePair<ulong, Lazy<Task<T>>>(key, lazy));
            throw;
        }
    }

    /// <summary>The value of <paramref name="key"/> when it has been looked up (or set) successfully.</summary>
    public bool TryGet(ulong key, out T value)
    {
        if (_entries.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            value = lazy.Value.Result;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Replaces the value of <paramref name="key"/>.</summary>
    public void Set(ulong key, T value)
    {
        TrimIfFull();
        var task = Task.FromResult(value);
        var lazy = new Lazy<Task<T>>(() => task);
        _ = lazy.Value;
        _entries[key] = lazy;
    }

    /// <summary>Forgets <paramref name="key"/>.</summary>
    public void Remove(ulong key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets <paramref name="key"/> only while its value matches <paramref name="predicate"/> (so a newer value is kept).</summary>
    public void RemoveIf(ulong key, Func<T, bool> predicate)
    {
        if (_entries.TryGetValue(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && predicate(lazy.Value.Result))
        {
            _entries.TryRemove(new KeyValuePair<ulong, Lazy<Task<T>>>(key, lazy));
        }
    }

    // Channels and webhooks change rarely and are cheap to look up again: past the capacity, start over.
    private void TrimIfFull()
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }
    }
}
