using System.Text.Json;
using System.Text.Json.Serialization;
using MCPilot.Discord.Gateway.Events;
using MCPilot.Discord.Models;
using MCPilot.Discord.Rest;

namespace MCPilot.Discord.Serialization;

/// <summary>The source-generated JSON metadata of every Discord model (public access: <see cref="DiscordJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeJsonConverter)])]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(IReadOnlyList<GuildMember>))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(IReadOnlyList<Guild>))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(IReadOnlyList<Channel>))]
[JsonSerializable(typeof(ThreadList))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(Emoji))]
[JsonSerializable(typeof(Reaction))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(IReadOnlyList<Webhook>))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandDefinition>))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(CreateMessageRequest))]
[JsonSerializable(typeof(ExecuteWebhookRequest))]
[JsonSerializable(typeof(EditWebhookMessageRequest))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(CreateThreadRequest))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(GuildDeleteEvent))]
[JsonSerializable(typeof(GuildRoleCreateEvent))]
[JsonSerializable(typeof(GuildRoleUpdateEvent))]
[JsonSerializable(typeof(GuildRoleDeleteEvent))]
[JsonSerializable(typeof(ChannelPinsUpdateEvent))]
[JsonSerializable(typeof(ThreadListSyncEvent))]
[JsonSerializable(typeof(ThreadMemberUpdateEvent))]
[JsonSerializable(typeof(ThreadMembersUpdateEvent))]
[JsonSerializable(typeof(MessageDeleteEvent))]
[JsonSerializable(typeof(MessageDeleteBulkEvent))]
[JsonSerializable(typeof(MessageReactionAddEvent))]
[JsonSerializable(typeof(WebhooksUpdateEvent))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
