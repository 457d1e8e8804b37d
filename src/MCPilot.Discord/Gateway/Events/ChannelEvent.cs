using MCPilot.Discord.Models;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// A channel or thread was created, updated or deleted (<c>CHANNEL_*</c> and <c>THREAD_*</c>). A
/// handler of <see cref="ChannelEvent"/> sees all six; a thread's <see cref="Channel.ParentId"/>
/// is the channel it lives in.
/// </summary>
public abstract class ChannelEvent : GatewayEvent
{
    private protected ChannelEvent(Channel channel) => Channel = channel;

    /// <summary>The channel (for <c>THREAD_DELETE</c>, only id, guild_id, parent_id and type).</summary>
    public Channel Channel { get; }
}

/// <summary><c>CHANNEL_CREATE</c>: a guild channel was created.</summary>
public sealed class ChannelCreateEvent : ChannelEvent
{
    internal ChannelCreateEvent(Channel channel)
        : base(channel)
    {
    }
}

/// <summary><c>CHANNEL_UPDATE</c>: a channel changed.</summary>
public sealed class ChannelUpdateEvent : ChannelEvent
{
    internal ChannelUpdateEvent(Channel channel)
        : base(channel)
    {
    }
}

/// <summary><c>CHANNEL_DELETE</c>: a channel was deleted (its threads with it).</summary>
public sealed class ChannelDeleteEvent : ChannelEvent
{
    internal ChannelDeleteEvent(Channel channel)
        : base(channel)
    {
    }
}

/// <summary><c>THREAD_CREATE</c>: a thread (or forum post) was created, or the bot was added to a private thread.</summary>
public sealed class ThreadCreateEvent : ChannelEvent
{
    internal ThreadCreateEvent(Channel channel)
        : base(channel)
    {
    }
}

/// <summary><c>THREAD_UPDATE</c>: a thread changed (renamed, archived, locked, ...).</summary>
public sealed class ThreadUpdateEvent : ChannelEvent
{
    internal ThreadUpdateEvent(Channel channel)
        : base(channel)
    {
    }
}

/// <summary><c>THREAD_DELETE</c>: a thread was deleted.</summary>
public sealed class ThreadDeleteEvent : ChannelEvent
{
    internal ThreadDeleteEvent(Channel channel)
        : base(channel)
    {
    }
}
