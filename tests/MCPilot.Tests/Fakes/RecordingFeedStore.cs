using MCPilot.Routing;

namespace MCPilot.Tests.Fakes;

/// <summary>A feed store that records every save, fails while <see cref="Fail"/> is set, and loads <see cref="Stored"/>.</summary>
public sealed class RecordingFeedStore : IEntityFeedStore
{
    private readonly Lock _lock = new();
    private readonly List<FeedSnapshot> _saved = [];

    public bool Fail { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyList<FeedSnapshot> Stored { get; set; } = [];

    /// <summary>Every snapshot saved, in order.</summary>
    public IReadOnlyList<FeedSnapshot> Saved
    {
        get
        {
            lock (_lock)
            {
                return [.. _saved];
            }
        }
    }

    public Task SaveAsync(IReadOnlyList<FeedSnapshot> feeds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls++;
            if (Fail)
            {
                throw new IOException("feed store unreachable");
            }

            _saved.AddRange(feeds);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<FeedSnapshot>> LoadAsync(int capacity, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Calls++;
            return Task.FromResult(Stored);
        }
    }
}
