using System.Threading.Channels;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>A subscription to <see cref="FakeDiscordEvents"/>.</summary>
public sealed class FakeDiscordSubscription : IDisposable
{
    private readonly Action _unsubscribe;
    private int _disposed;

    internal FakeDiscordSubscription(ChannelReader<FakeDiscordDispatch> reader, Action unsubscribe)
    {
        Reader = reader;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The dispatches, in order.</summary>
    public ChannelReader<FakeDiscordDispatch> Reader { get; }

    /// <summary>Waits for the next dispatch named <paramref name="name"/> (skipping others) that matches <paramref name="predicate"/>.</summary>
    public async Task<FakeDiscordDispatch> WaitForAsync(string name, Func<FakeDiscordDispatch, bool>? predicate = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var dispatch = await Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (dispatch.Name == name && (predicate is null || predicate(dispatch)))
            {
                return dispatch;
            }
        }
    }

    /// <summary>Stops the subscription.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe();
        }
    }
}
