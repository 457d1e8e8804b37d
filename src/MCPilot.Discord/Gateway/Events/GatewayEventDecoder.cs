using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MCPilot.Discord.Serialization;

namespace MCPilot.Discord.Gateway.Events;

/// <summary>
/// Turns a raw dispatch into its typed event with the source-generated models (no reflection).
/// An event of an unknown name, or one that fails to decode, becomes an
/// <see cref="UnknownGatewayEvent"/> carrying its raw JSON: nothing is dropped.
/// </summary>
internal static class GatewayEventDecoder
{
    public static GatewayEvent Decode(GatewayDispatch dispatch)
    {
        GatewayEvent decoded;
        try
        {
            decoded = DecodeData(dispatch);
        }
        catch (JsonException e)
        {
            decoded = new UnknownGatewayEvent(dispatch.Data, e.Message);
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

    private static T Read<T>(GatewayDispatch data, JsonTypeInfo<T> type)
    {
        var reader = data.DataReader();
        return JsonSerializer.Deserialize(ref reader, type) ?? throw new JsonException($"The event's data is null; a {typeof(T).Name} was expected.");
    }
}
