using System.Security.Cryptography;

namespace MCPilot.Crypto;

/// <summary>
/// A bounded LRU cache of derived per-owner keys, with a lifetime per entry. An entry is named by
/// master key id, owner and salt id, so a key derived from a salt the owner no longer has is
/// never served for the owner's current salt. Keys live in pinned arrays and are zeroed when
/// evicted, expired, removed or cleared. Callers get a copy, never the cached array, so an
/// eviction can never zero a key that is in use.
/// </summary>
internal sealed class DerivedKeyCache : IDisposable
{
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly Func<int, byte[]> _allocate;
    private readonly Dictionary<EntryName, LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _lru = new();
    private readonly Lock _lock = new();
    private long _generation;

    /// <param name="capacity">The most keys held; 0 caches nothing.</param>
    /// <param name="lifetime">How long an entry is served after it was added.</param>
    /// <param name="time">The clock that ages entries.</param>
    /// <param name="allocate">Allocates an entry's key array; pinned arrays unless a test watches them.</param>
    public DerivedKeyCache(int capacity, TimeSpan lifetime, TimeProvider time, Func<int, byte[]>? allocate = null)
    {
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
        _allocate = allocate ?? (length => GC.AllocateArray<byte>(length, pinned: true));
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>
    /// Changes whenever an owner's keys are removed. Read it before reading a salt from the store
    /// and pass it to <see cref="Add"/>: a key derived from a salt read before a shred is then never
    /// cached after the shred dropped that owner's keys.
    /// </summary>
    public long Generation
    {
        get
        {
            lock (_lock)
            {
                return _generation;
            }
        }
    }

    /// <summary>Copies the cached key into <paramref name="destination"/>.</summary>
    public bool TryCopy(string keyId, OwnerId owner, ulong saltId, Span<byte> destination)
    {
        if (_capacity == 0)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_map.TryGetValue(new EntryName(keyId, owner.Value, saltId), out var node))
            {
                return false;
            }

            if (_time.GetUtcNow() >= node.Value.Expires)
            {
                RemoveNode(node);
                return false;
            }

            _lru.Remove(node);
            _lru.AddFirst(node);
            node.Value.Key.CopyTo(destination);
            return true;
        }
    }

    /// <summary>
    /// Caches a copy of <paramref name="key"/>, unless an owner's keys were removed since
    /// <paramref name="generation"/> was read (see <see cref="Generation"/>).
    /// </summary>
    /// <returns><see langword="false"/> when nothing was cached.</returns>
    public bool Add(string keyId, OwnerId owner, ulong saltId, ReadOnlySpan<byte> key, long generation)
    {
        if (_capacity == 0)
        {
            return false;
        }

        var name = new EntryName(keyId, owner.Value, saltId);
        lock (_lock)
        {
            if (generation != _generation)
            {
                return false;
            }

            if (_map.TryGetValue(name, out var existing))
            {
                RemoveNode(existing);
            }

            while (_map.Count >= _capacity)
            {
                RemoveNode(_lru.Last!);
            }

            var copy = _allocate(key.Length);
            key.CopyTo(copy);
            _map[name] = _lru.AddFirst(new Entry(name, copy, _time.GetUtcNow() + _lifetime));
            return true;
        }
    }

    /// <summary>Drops every cached key of <paramref name="owner"/>, under any master key and salt, and moves <see cref="Generation"/> on.</summary>
    public void RemoveOwner(OwnerId owner)
    {
        lock (_lock)
        {
            _generation++;
            for (var node = _lru.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Name.Owner == owner.Value)
                {
                    RemoveNode(node);
                }

                node = next;
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            while (_lru.Last is { } last)
            {
                RemoveNode(last);
            }
        }
    }

    public void Dispose() => Clear();

    private void RemoveNode(LinkedListNode<Entry> node)
    {
        _lru.Remove(node);
        _map.Remove(node.Value.Name);
        CryptographicOperations.ZeroMemory(node.Value.Key);
    }

    private readonly record struct EntryName(string KeyId, string Owner, ulong SaltId);

    private sealed record Entry(EntryName Name, byte[] Key, DateTimeOffset Expires);
}
