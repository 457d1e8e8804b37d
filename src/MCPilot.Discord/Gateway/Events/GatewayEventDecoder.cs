using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// Turns a raw dispatch into its typed event with the source-generated models (no reflection).
/// An event of an unknown name, or one that fails to decode (malformed JSON, a value of the wrong
/// kind, a required part such as a role's <c>role</c> missing or null), becomes an
/// <see cref="UnknownGatewayEvent"/> carrying its raw JSON: nothing is dropped, and decoding never
/// throws, so one bad event cannot stop the dispatch of the next.
/// </summary>
internal static class GatewayEventDecoder
{
    public static GatewayEvent Decode(GatewayDispatch dispatch)
    {
        GatewayEvent decoded;
        try
        {
            decoded = Validate(DecodeData(dispatch));
        }
        catch (Exception e)
        {
            var error = e is JsonException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            decoded = new UnknownGatewayEvent(RawData(dispatch, ref error), error);
        }

        decoded.Name = dispatch.Type;
        decoded.ShardId = dispatch.ShardId;
        decoded.Sequence = dispatch.Sequence;
        decoded.ReceivedAt = dispatch.ReceivedAt;
        return decoded;
    }

    private static GatewayEvent DecodeData(GatewayDispatch data) => data.Type switch
    {
        GatewayEventNames.MessageCreate => new MessageCreateEvent(Read(data, DiscordJsonContext.Default.Message)),
        GatewayEventNames.MessageUpdate => new MessageUpdateEvent(Read(data, DiscordJsonContext.Default.Message)),
        GatewayEventNames.MessageDelete => Read(data, DiscordJsonContext.Default.MessageDeleteEvent),
        GatewayEventNames.MessageDeleteBulk => Read(data, DiscordJsonContext.Default.MessageDeleteBulkEvent),
        GatewayEventNames.MessageReactionAdd => Read(data, DiscordJsonContext.Default.MessageReactionAddEvent),
        GatewayEventNames.InteractionCreate => new InteractionCreateEvent(Read(data, DiscordJsonContext.Default.Interaction)),
        GatewayEventNames.GuildCreate => new GuildCreateEvent(Read(data, DiscordJsonContext.Default.Guild)),
        GatewayEventNames.GuildUpdate => new GuildUpdateEvent(Read(data, DiscordJsonContext.Default.Guild)),
        GatewayEventNames.GuildDelete => Read(data, DiscordJsonContext.Default.GuildDeleteEvent),
        GatewayEventNames.GuildRoleCreate => Read(data, DiscordJsonContext.Default.GuildRoleCreateEvent),
        GatewayEventNames.GuildRoleUpdate => Read(data, DiscordJsonContext.Default.GuildRoleUpdateEvent),
        GatewayEventNames.GuildRoleDelete => Read(data, DiscordJsonContext.Default.GuildRoleDeleteEvent),
        GatewayEventNames.ChannelCreate => new ChannelCreateEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ChannelUpdate => new ChannelUpdateEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ChannelDelete => new ChannelDeleteEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ChannelPinsUpdate => Read(data, DiscordJsonContext.Default.ChannelPinsUpdateEvent),
        GatewayEventNames.ThreadCreate => new ThreadCreateEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ThreadUpdate => new ThreadUpdateEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ThreadDelete => new ThreadDeleteEvent(Read(data, DiscordJsonContext.Default.Channel)),
        GatewayEventNames.ThreadListSync => Read(data, DiscordJsonContext.Default.ThreadListSyncEvent),
        GatewayEventNames.ThreadMemberUpdate => Read(data, DiscordJsonContext.Default.ThreadMemberUpdateEvent),
        GatewayEventNames.ThreadMembersUpdate => Read(data, DiscordJsonContext.Default.ThreadMembersUpdateEvent),
        GatewayEventNames.WebhooksUpdate => Read(data, DiscordJsonContext.Default.WebhooksUpdateEvent),
        GatewayEventNames.Ready => Read(data, DiscordJsonContext.Default.ReadyEvent),
        GatewayEventNames.Resumed => new ResumedEvent(),
        _ => new UnknownGatewayEvent(data.Data, null),
    };

    /// <summary>Rejects an event whose parts that its type promises (never null) are missing.</summary>
    private static GatewayEvent Validate(GatewayEvent decoded) => decoded switch
    {
        GuildRoleEvent { Role: null } => throw new JsonException("The event has no 'role' object."),
        ReadyEvent { User: null } => throw new JsonException("READY has no 'user' object."),
        ReadyEvent { Guilds: null } => throw new JsonException("READY has no 'guilds' array."),
        ThreadListSyncEvent { Threads: null } or ThreadListSyncEvent { Members: null } => throw new JsonException("THREAD_LIST_SYNC has no 'threads' or 'members' array."),
        _ => decoded,
    };

    /// <summary><c>d</c>'s raw JSON; when even its extent cannot be read (truncated JSON), the rest of the payload from <c>d</c> on.</summary>
    private static ReadOnlyMemory<byte> RawData(GatewayDispatch dispatch, ref string error)
    {
        try
        {
            return dispatch.Data;
        }
        catch (JsonException)
        {
            error += " (the data is not complete JSON; passed on as received)";
            return dispatch.RawTail;
        }
    }

    private static T Read<T>(GatewayDispatch data, JsonTypeInfo<T> type)
    {
        var reader = data.DataReader();
        return JsonSerializer.Deserialize(ref reader, type) ?? throw new JsonException($"The event's data is null; a {typeof(T).Name} was expected.");
    }
}
