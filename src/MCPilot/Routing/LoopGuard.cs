using System.Collections.Concurrent;
using MCPilot.Entities;
using Microsoft.Extensions.Options;

namespace MCPilot.Routing;

/// <summary>
/// Keeps bots and entities from answering each other forever. Per channel (each thread is its own
/// channel) it counts the bot and entity messages since the last human message: the hops. Past
/// <see cref="EntityOptions.MaxBotHops"/>, bot and entity messages there are delivered to no
/// entity until a human speaks, or until the channel has had no bot message for
/// <see cref="EntityOptions.LoopCooldown"/>.
/// </summary>
internal sealed class LoopGuard
{
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<ulong, ChannelState> _channels = new();
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;

    public LoopGuard(IOptionsMonitor<EntityOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Counts a message and says whether it may be delivered to entities. Human messages always
    /// may (and restart the count).
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="byBotOrEntity">Whether a bot, a webhook or an entity wrote it.</param>
    public bool Admit(InboundMessage message, bool byBotOrEntity)
    {
        var now = _time.GetUtcNow();
        var options = _options.CurrentValue;
        var state = _channels.GetOrAdd(message.ChannelId, static _ => new ChannelState());
        bool admitted;
        lock (state)
        {
            if (!byBotOrEntity)
            {
                state.Hops = 0;
                state.LastBotMessageAt = null;
                return true;
            }

            if (state.LastBotMessageAt is { } last && now - last >= options.LoopCooldown)
            {
                state.Hops = 0;
            }

            state.Hops++;
            state.LastBotMessageAt = now;
            admitted = state.Hops <= options.MaxBotHops;
        }

        if (_channels.Count > PruneThreshold)
        {
            Prune(now - options.LoopCooldown);
        }

        return admitted;
    }

    private void Prune(DateTimeOffset quietSince)
    {
        foreach (var (channel, state) in _channels)
        {
            lock (state)
            {
                if (state.LastBotMessageAt is null || state.LastBotMessageAt < quietSince)
                {
                    _channels.TryRemove(channel, out _);
                }
            }
        }
    }

    private sealed class ChannelState
    {
        public int Hops { get; set; }

        public DateTimeOffset? LastBotMessageAt { get; set; }
    }
}
