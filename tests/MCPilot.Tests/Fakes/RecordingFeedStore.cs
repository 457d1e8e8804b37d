using MCPilot.Routing;

namespace MCPilot.Tests.Fakes;

/// <summary>
/// A feed store that records every save (and its node), fails while <see cref="Fail"/> is set,
/// loads <see cref="Stored"/> once <see cref="LoadGate"/> completes, and records prunes.
/// </summary>
public sealed class RecordingFeedStore : IEntityFeedStore
{
    private readonly Lock _lock = new();
    private readonly List<(string Node, FeedSnapshot Feed)> _saved = [];

    public bool Fail { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyList<FeedSnapshot> Stored { get; set; } = [];

    /// <summary>Completes to let <see cref="LoadAsync"/> answer (completed by default).</summary>
    public Task LoadGate { get; set; } = Task.CompletedTask;

    public List<DateTimeOffset> Prunes { get; } = [];

    /// <summary>Every snapshot saved, in order.</summary>
    public IReadOnlyList<FeedSnapshot> Saved
    {
        get
        {
            lock (_lock)
            {
                return [.. _saved.Select(s => s.Feed)];
            }
        }
    }

    /// <summary>The node of every save, in order.</summary>
    public IReadOnlyList<string> SavedNodes
    {
        get
        {
            lock (_lock)
            {
                return [.. _saved.Select(s => s.Node)];
            }
        }
    }

    public Task SaveAsync(string node, IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls++;
            if (Fail)
            {
                throw new IOException("feed store unreachable");
            }

            _saved.AddRange(feeds.Select(f => (node, f)));
            return Task.CompletedTask;
        }
    }

    public async Task<IReadOnlyList<FeedSnapshot>> LoadAsync(string node, int capacity, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls++;
        }

        await LoadGate.WaitAsync(cancellationToken);
        return Fail ? throw new IOException("feed store unreachable") : Stored;
    }

    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls++;
            if (Fail)
            {
                throw new IOException("feed store unreachable");
            }

            Prunes.Add(before);
            return Task.FromResult(0);
        }
    }
}
