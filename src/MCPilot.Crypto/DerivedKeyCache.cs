using System.Security.Cryptography;

namespace MCPilot.Crypto;

/// <summary>
/// A bounded LRU cache of derived per-owner keys, with a lifetime per entry. Keys live in pinned
/// arrays and are zeroed when evicted, expired, removed or cleared. Callers get a copy, never the
/// cached array, so an eviction can never zero a key that is in use.
/// </summary>
internal sealed class DerivedKeyCache : IDisposable
{
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string KeyId, string Owner), LinkedListNode<Entry>> _map = [];
    private readonly LinkedList<Entry> _lru = new();
    private readonly Lock _lock = new();

    public DerivedKeyCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
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

    /// <summary>Copies the cached key into <paramref name="destination"/>.</summary>
    public bool TryCopy(string keyId, OwnerId owner, Span<byte> destination)
    {
        if (_capacity == 0)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_map.TryGetValue((keyId, owner.Value), out var node))
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

    public void Add(string keyId, OwnerId owner, ReadOnlySpan<byte> key)
    {
        if (_capacity == 0)
        {
            return;
        }

        var copy = GC.AllocateArray<byte>(key.Length, pinned: true);
        key.CopyTo(copy);
        var entry = new Entry(keyId, owner.Value, copy, _time.GetUtcNow() + _lifetime);
        lock (_lock)
        {
            if (_map.TryGetValue((keyId, owner.Value), out var existing))
            {
                RemoveNode(existing);
            }

            while (_map.Count >= _capacity)
            {
                RemoveNode(_lru.Last!);
            }

            _map[(keyId, owner.Value)] = _lru.AddFirst(entry);
        }
    }

    /// <summary>Drops every cached key of <paramref name="owner"/>, under any master key.</summary>
    public void RemoveOwner(OwnerId owner)
    {
        lock (_lock)
        {
            for (var node = _lru.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Owner == owner.Value)
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
        _map.Remove((node.Value.KeyId, node.Value.Owner));
        CryptographicOperations.ZeroMemory(node.Value.Key);
    }

    private sealed record Entry(string KeyId, string Owner, byte[] Key, DateTimeOffset Expires);
}
