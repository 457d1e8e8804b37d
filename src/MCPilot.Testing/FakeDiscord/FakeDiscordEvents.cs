using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// The stream of Gateway dispatches FakeDiscord's state produces, in the order of the changes.
/// Each subscriber gets every dispatch published after it subscribed, through its own unbounded
/// reader; FakeDiscord's Gateway serves them to bots, tests can read them directly.
/// </summary>
public sealed class FakeDiscordEvents
{
    private readonly Lock _gate = new();
    private readonly List<Channel<FakeDiscordDispatch>> _subscribers = [];
    private long _sequence;

    /// <summary>How many dispatches were published.</summary>
    public long Published => Interlocked.Read(ref _sequence);

    /// <summary>Starts receiving dispatches; dispose the subscription to stop.</summary>
    public FakeDiscordSubscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<FakeDiscordDispatch>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new FakeDiscordSubscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
    }

    /// <summary>Publishes a dispatch (called by the state, under its lock, so order is the order of changes).</summary>
    internal void Publish(string name, JsonObject payload, ulong? guildId)
    {
        lock (_gate)
        {
            var dispatch = new FakeDiscordDispatch(++_sequence, name, payload, guildId);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(dispatch);
            }
        }
    }
}
