using System.Globalization;
using System.Text.Json;
using MCPilot.Activity;
using MCPilot.Conversations;
using MCPilot.Entities;
using MCPilot.Routing;
using MCPilot.Servers;
using MCPilot.Storage.EfCore.Model;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Converts between domain records and rows. Snowflakes are stored as bigint (their bits
/// unchanged); instants as UTC timestamps; small lists as JSON text.
/// </summary>
internal static class RowMapping
{
    // A feed message's InboundMessage as JSON: its computed properties are not stored.
    private static readonly JsonSerializerOptions FeedJson = new() { IgnoreReadOnlyProperties = true };

    public static long Db(ulong snowflake) => unchecked((long)snowflake);

    public static long? Db(ulong? snowflake) => snowflake is { } s ? Db(s) : null;

    public static ulong Snowflake(long value) => unchecked((ulong)value);

    public static ulong? Snowflake(long? value) => value is { } v ? Snowflake(v) : null;

    public static DateTime Db(DateTimeOffset instant) => instant.UtcDateTime;

    public static DateTime? Db(DateTimeOffset? instant) => instant?.UtcDateTime;

    public static DateTimeOffset Instant(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Instant(DateTime? value) => value is { } v ? Instant(v) : null;

    public static string ActiveKey(ThreadKey key) => string.Create(CultureInfo.InvariantCulture, $"{key.GuildId}:{key.ChannelId}:{key.UserId}");

    public static EntityRow ToRow(Entity entity, long version) => new()
    {
        Id = entity.Id.Value,
        Name = entity.Name,
        NameKey = StoreKeys.Name(entity.Name),
        AvatarUrl = entity.AvatarUrl?.OriginalString,
        OwnerUserId = Db(entity.OwnerUserId),
        Description = entity.Description,
        Persona = entity.Persona,
        BlockedPhrases = JsonSerializer.Serialize(entity.BlockedPhrases),
        ToolAllowList = entity.ToolAllowList is null ? null : JsonSerializer.Serialize(entity.ToolAllowList.Order(StringComparer.Ordinal)),
        SendsPerMinute = entity.RateLimits.SendsPerMinute,
        Burst = entity.RateLimits.Burst,
        CreatedAt = Db(entity.CreatedAt),
        UpdatedAt = Db(entity.UpdatedAt),
        Version = version,
        Guilds = GuildRows(entity),
    };

    public static List<EntityGuildRow> GuildRows(Entity entity)
    {
        StoreExceptions.CheckGuildsDistinct(entity);
        var nameKey = StoreKeys.Name(entity.Name);
        return [.. entity.Guilds.Select(g => new EntityGuildRow
        {
            EntityId = entity.Id.Value,
            GuildId = Db(g.GuildId),
            NameKey = nameKey,
            Channels = [.. g.Policy.Allow.Union(g.Policy.Deny).Select(c => new EntityChannelRow
            {
                EntityId = entity.Id.Value,
                GuildId = Db(g.GuildId),
                ChannelId = Db(c),
                Allowed = g.Policy.Allow.Contains(c),
                Denied = g.Policy.Deny.Contains(c),
            })],
        })];
    }

    public static Entity ToDomain(EntityRow row) => new()
    {
        Id = new EntityId(row.Id),
        Name = row.Name,
        AvatarUrl = row.AvatarUrl is null ? null : new Uri(row.AvatarUrl, UriKind.RelativeOrAbsolute),
        OwnerUserId = Snowflake(row.OwnerUserId),
        Description = row.Description,
        Persona = row.Persona,
        BlockedPhrases = JsonSerializer.Deserialize<List<string>>(row.BlockedPhrases) ?? [],
        ToolAllowList = row.ToolAllowList is null ? null : new HashSet<string>(JsonSerializer.Deserialize<List<string>>(row.ToolAllowList) ?? [], StringComparer.Ordinal),
        RateLimits = new EntityRateLimits { SendsPerMinute = row.SendsPerMinute, Burst = row.Burst },
        CreatedAt = Instant(row.CreatedAt),
        UpdatedAt = Instant(row.UpdatedAt),
        Version = row.Version,
        Guilds = [.. row.Guilds.OrderBy(g => Snowflake(g.GuildId)).Select(g => new EntityGuildMembership(Snowflake(g.GuildId), new ChannelPolicy
        {
            Allow = g.Channels.Where(c => c.Allowed).Select(c => Snowflake(c.ChannelId)).ToHashSet(),
            Deny = g.Channels.Where(c => c.Denied).Select(c => Snowflake(c.ChannelId)).ToHashSet(),
        }))],
    };

    public static CredentialRow ToRow(EntityCredential credential) => new()
    {
        Id = credential.Id,
        EntityId = credential.EntityId.Value,
        LookupId = credential.LookupId,
        KeyHash = [.. credential.KeyHash],
        Label = credential.Label,
        CreatedAt = Db(credential.CreatedAt),
        LastUsedAt = Db(credential.LastUsedAt),
        ExpiresAt = Db(credential.ExpiresAt),
        RevokedAt = Db(credential.RevokedAt),
    };

    public static EntityCredential ToDomain(CredentialRow row) => new()
    {
        Id = row.Id,
        EntityId = new EntityId(row.EntityId),
        LookupId = row.LookupId,
        KeyHash = row.KeyHash,
        Label = row.Label,
        CreatedAt = Instant(row.CreatedAt),
        LastUsedAt = Instant(row.LastUsedAt),
        ExpiresAt = Instant(row.ExpiresAt),
        RevokedAt = Instant(row.RevokedAt),
    };

    public static SentMessage ToDomain(SentMessageRow row) =>
        new(Snowflake(row.MessageId), new EntityId(row.EntityId), Snowflake(row.GuildId), Snowflake(row.ChannelId), Instant(row.At));

    /// <summary>Copies a registration onto a (new or tracked) row, secrets excluded.</summary>
    public static McpServerRow Fill(McpServerRow row, McpServerRegistration registration, long version)
    {
        row.Id = registration.Id;
        row.Name = registration.Name;
        row.NameKey = StoreKeys.Name(registration.Name);
        row.PlaceKey = StoreKeys.Place(registration);
        row.Scope = registration.Scope.ToString();
        row.Owner = registration.Owner.Value;
        row.GuildId = Db(registration.GuildId);
        row.ChannelId = Db(registration.ChannelId);
        row.Transport = registration.Transport.ToString();
        row.Url = registration.Url?.OriginalString;
        row.Command = registration.Command;
        row.Arguments = JsonSerializer.Serialize(registration.Arguments);
        row.Enabled = registration.Enabled;
        row.CreatedAt = Db(registration.CreatedAt);
        row.UpdatedAt = Db(registration.UpdatedAt);
        row.Version = version;
        return row;
    }

    public static List<McpServerSecretRow> SecretRows(McpServerRegistration registration) =>
    [
        .. registration.EncryptedHeaders.Select(h => new McpServerSecretRow { ServerId = registration.Id, Field = McpServerRegistration.HeaderField(h.Key), Envelope = h.Value }),
        .. registration.EncryptedEnvironment.Select(e => new McpServerSecretRow { ServerId = registration.Id, Field = McpServerRegistration.EnvironmentField(e.Key), Envelope = e.Value }),
    ];

    public static McpServerRegistration ToDomain(McpServerRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Scope = Enum.Parse<McpServerScope>(row.Scope),
        Owner = new OwnerId(row.Owner),
        GuildId = Snowflake(row.GuildId),
        ChannelId = Snowflake(row.ChannelId),
        Transport = Enum.Parse<McpServerTransport>(row.Transport),
        Url = row.Url is null ? null : new Uri(row.Url, UriKind.RelativeOrAbsolute),
        Command = row.Command,
        Arguments = JsonSerializer.Deserialize<List<string>>(row.Arguments) ?? [],
        EncryptedHeaders = Secrets(row, McpServerRegistration.HeaderField("")),
        EncryptedEnvironment = Secrets(row, McpServerRegistration.EnvironmentField("")),
        Enabled = row.Enabled,
        CreatedAt = Instant(row.CreatedAt),
        UpdatedAt = Instant(row.UpdatedAt),
        Version = row.Version,
    };

    public static ConversationThread ToDomain(ConversationThreadRow row) =>
        new(row.Id, new ThreadKey(Snowflake(row.GuildId), Snowflake(row.ChannelId), Snowflake(row.UserId)), Instant(row.CreatedAt), Instant(row.ArchivedAt));

    public static ConversationMessage ToDomain(ConversationMessageRow row) =>
        new(row.ThreadId, row.Sequence, Enum.Parse<ConversationRole>(row.Role), row.Content, Instant(row.At), row.ToolCalls);

    public static ToolCallRow ToRow(ToolCallRecord record) => new()
    {
        Id = Guid.CreateVersion7(record.At),
        At = Db(record.At),
        EntityId = record.EntityId?.Value,
        UserId = Db(record.UserId),
        Tool = record.Tool,
        Outcome = record.Outcome.ToString(),
        DurationMicroseconds = record.Duration.Ticks / TimeSpan.TicksPerMicrosecond,
        Detail = record.Detail,
    };

    public static ToolCallRecord ToDomain(ToolCallRow row) => new(
        Instant(row.At),
        row.EntityId is { } id ? new EntityId(id) : null,
        Snowflake(row.UserId),
        row.Tool,
        Enum.Parse<ToolCallOutcome>(row.Outcome),
        TimeSpan.FromTicks(row.DurationMicroseconds * TimeSpan.TicksPerMicrosecond),
        row.Detail);

    public static EntityFeedRow ToRow(string node, FeedSnapshot feed) => new()
    {
        Node = node,
        EntityId = feed.EntityId.Value,
        Kind = feed.Kind.ToString(),
        LastSequence = feed.LastSequence,
        ReadCursor = feed.ReadCursor,
        MentionCursor = feed.MentionCursor,
        Dropped = feed.Dropped,
    };

    public static EntityFeedMessageRow ToRow(string node, EntityId entityId, FeedKind kind, FeedMessage message) => new()
    {
        Node = node,
        EntityId = entityId.Value,
        Kind = kind.ToString(),
        Sequence = message.Sequence,
        Mention = (int)message.Mention,
        FromEntityId = message.FromEntity?.Value,
        At = Db(message.Message.Timestamp),
        Message = JsonSerializer.Serialize(message.Message, FeedJson),
    };

    public static FeedSnapshot ToDomain(EntityFeedRow row, int capacity, IReadOnlyList<FeedMessage> messages) => new()
    {
        EntityId = new EntityId(row.EntityId),
        Kind = Enum.Parse<FeedKind>(row.Kind),
        Capacity = capacity,
        LastSequence = row.LastSequence,
        ReadCursor = row.ReadCursor,
        MentionCursor = row.MentionCursor,
        Dropped = row.Dropped,
        Messages = messages,
    };

    /// <summary>A stored feed message, or <see langword="null"/> when its JSON cannot be read (any more).</summary>
    public static FeedMessage? ToDomain(EntityFeedMessageRow row)
    {
        try
        {
            return JsonSerializer.Deserialize<InboundMessage>(row.Message, FeedJson) is { } message
                ? new FeedMessage(row.Sequence, message, (FeedMentionKind)row.Mention, row.FromEntityId is { } from ? new EntityId(from) : null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Secrets(McpServerRow row, string prefix) =>
        row.Secrets.Where(s => s.Field.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Field[prefix.Length..], s => s.Envelope, StringComparer.Ordinal);
}
