using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MCPilot.Storage.EfCore.Model;

/// <summary>
/// MCPilot's tables, columns, keys and indexes, every name explicit (snake_case, tables prefixed
/// <c>mcpilot_</c>), so that a bot's naming conventions cannot move them away from what the
/// hand-written migrations create.
/// </summary>
internal static class MCPilotModel
{
    public const string Entities = "mcpilot_entities";
    public const string EntityGuilds = "mcpilot_entity_guilds";
    public const string EntityChannels = "mcpilot_entity_channels";
    public const string Credentials = "mcpilot_entity_credentials";
    public const string DmRoutes = "mcpilot_dm_routes";
    public const string SentMessages = "mcpilot_sent_messages";
    public const string OwnerSalts = "mcpilot_owner_salts";
    public const string McpServers = "mcpilot_mcp_servers";
    public const string McpServerSecrets = "mcpilot_mcp_server_secrets";
    public const string ConversationThreads = "mcpilot_conversation_threads";
    public const string ConversationMessages = "mcpilot_conversation_messages";
    public const string MessageCounters = "mcpilot_message_counters";
    public const string ToolCalls = "mcpilot_tool_calls";
    public const string EntityAvatars = "mcpilot_entity_avatars";
    public const string EntityFeeds = "mcpilot_entity_feeds";
    public const string EntityFeedMessages = "mcpilot_entity_feed_messages";
    public const string PreviousEntityAvatars = "mcpilot_entity_previous_avatars";

    public const int OwnerLength = OwnerId.MaxLength;
    public const int LookupIdLength = 64;
    public const int EnumLength = 16;
    public const int PlaceKeyLength = 160;
    public const int ContentTypeLength = 64;
    public const int HashLength = 64;
    public const int NodeLength = 64;

    /// <summary>Every table, in the order the migrations create them.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        Entities, EntityGuilds, EntityChannels, Credentials, DmRoutes, OwnerSalts, McpServers, McpServerSecrets,
        ConversationThreads, ConversationMessages, MessageCounters, ToolCalls, SentMessages, EntityAvatars, EntityFeeds, EntityFeedMessages,
        PreviousEntityAvatars,
    ];

    /// <summary>Adds MCPilot's model to <paramref name="modelBuilder"/>.</summary>
    /// <param name="modelBuilder">The model being built.</param>
    /// <param name="excludeFromMigrations">Whether the host context's own migrations skip these tables (MCPilot migrates them itself).</param>
    public static void Apply(ModelBuilder modelBuilder, bool excludeFromMigrations)
    {
        modelBuilder.Entity<EntityRow>(b =>
        {
            Table(b, Entities, excludeFromMigrations);
            b.HasKey(x => x.Id).HasName("pk_mcpilot_entities");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.Name).HasColumnName("name");
            b.Property(x => x.NameKey).HasColumnName("name_key");
            b.Property(x => x.AvatarUrl).HasColumnName("avatar_url");
            b.Property(x => x.OwnerUserId).HasColumnName("owner_user_id");
            b.Property(x => x.Description).HasColumnName("description");
            b.Property(x => x.Persona).HasColumnName("persona");
            b.Property(x => x.BlockedPhrases).HasColumnName("blocked_phrases");
            b.Property(x => x.ToolAllowList).HasColumnName("tool_allow_list");
            b.Property(x => x.SendsPerMinute).HasColumnName("sends_per_minute");
            b.Property(x => x.Burst).HasColumnName("burst");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
            b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            b.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            b.HasMany(x => x.Guilds).WithOne().HasForeignKey(x => x.EntityId)
                .HasConstraintName("fk_mcpilot_entity_guilds_entity").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EntityGuildRow>(b =>
        {
            Table(b, EntityGuilds, excludeFromMigrations);
            b.HasKey(x => new { x.EntityId, x.GuildId }).HasName("pk_mcpilot_entity_guilds");
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.GuildId).HasColumnName("guild_id").ValueGeneratedNever();
            b.Property(x => x.NameKey).HasColumnName("name_key");
            b.HasIndex(x => new { x.GuildId, x.NameKey }).IsUnique().HasDatabaseName("ux_mcpilot_entity_guilds_guild_name");
            b.HasMany(x => x.Channels).WithOne().HasForeignKey(x => new { x.EntityId, x.GuildId })
                .HasConstraintName("fk_mcpilot_entity_channels_membership").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EntityChannelRow>(b =>
        {
            Table(b, EntityChannels, excludeFromMigrations);
            b.HasKey(x => new { x.EntityId, x.GuildId, x.ChannelId }).HasName("pk_mcpilot_entity_channels");
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.GuildId).HasColumnName("guild_id");
            b.Property(x => x.ChannelId).HasColumnName("channel_id").ValueGeneratedNever();
            b.Property(x => x.Allowed).HasColumnName("allowed");
            b.Property(x => x.Denied).HasColumnName("denied");
            b.HasIndex(x => new { x.GuildId, x.ChannelId }).HasDatabaseName("ix_mcpilot_entity_channels_guild_channel");
        });

        modelBuilder.Entity<CredentialRow>(b =>
        {
            Table(b, Credentials, excludeFromMigrations);
            b.HasKey(x => x.Id).HasName("pk_mcpilot_entity_credentials");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.LookupId).HasColumnName("lookup_id").HasMaxLength(LookupIdLength);
            b.Property(x => x.KeyHash).HasColumnName("key_hash");
            b.Property(x => x.Label).HasColumnName("label");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
            b.Property(x => x.LastUsedAt).HasColumnName("last_used_at");
            b.Property(x => x.ExpiresAt).HasColumnName("expires_at");
            b.Property(x => x.RevokedAt).HasColumnName("revoked_at");
            b.HasIndex(x => x.LookupId).IsUnique().HasDatabaseName("ux_mcpilot_entity_credentials_lookup_id");
            b.HasIndex(x => x.EntityId).HasDatabaseName("ix_mcpilot_entity_credentials_entity_id");
            b.HasOne<EntityRow>().WithMany().HasForeignKey(x => x.EntityId)
                .HasConstraintName("fk_mcpilot_entity_credentials_entity").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DmRouteRow>(b =>
        {
            Table(b, DmRoutes, excludeFromMigrations);
            b.HasKey(x => x.UserId).HasName("pk_mcpilot_dm_routes");
            b.Property(x => x.UserId).HasColumnName("user_id").ValueGeneratedNever();
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.HasIndex(x => x.EntityId).HasDatabaseName("ix_mcpilot_dm_routes_entity_id");
            b.HasOne<EntityRow>().WithMany().HasForeignKey(x => x.EntityId)
                .HasConstraintName("fk_mcpilot_dm_routes_entity").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OwnerSaltRow>(b =>
        {
            Table(b, OwnerSalts, excludeFromMigrations);
            b.HasKey(x => x.Owner).HasName("pk_mcpilot_owner_salts");
            b.Property(x => x.Owner).HasColumnName("owner").HasMaxLength(OwnerLength);
            b.Property(x => x.Salt).HasColumnName("salt");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<McpServerRow>(b =>
        {
            Table(b, McpServers, excludeFromMigrations);
            b.HasKey(x => x.Id).HasName("pk_mcpilot_mcp_servers");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.Name).HasColumnName("name");
            b.Property(x => x.NameKey).HasColumnName("name_key");
            b.Property(x => x.PlaceKey).HasColumnName("place_key").HasMaxLength(PlaceKeyLength);
            b.Property(x => x.Scope).HasColumnName("scope").HasMaxLength(EnumLength);
            b.Property(x => x.Owner).HasColumnName("owner").HasMaxLength(OwnerLength);
            b.Property(x => x.GuildId).HasColumnName("guild_id");
            b.Property(x => x.ChannelId).HasColumnName("channel_id");
            b.Property(x => x.Transport).HasColumnName("transport").HasMaxLength(EnumLength);
            b.Property(x => x.Url).HasColumnName("url");
            b.Property(x => x.Command).HasColumnName("command");
            b.Property(x => x.Arguments).HasColumnName("arguments");
            b.Property(x => x.Enabled).HasColumnName("enabled");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
            b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            b.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            b.HasIndex(x => new { x.PlaceKey, x.NameKey }).IsUnique().HasDatabaseName("ux_mcpilot_mcp_servers_place_name");
            b.HasIndex(x => x.Owner).HasDatabaseName("ix_mcpilot_mcp_servers_owner");
            b.HasIndex(x => new { x.GuildId, x.ChannelId }).HasDatabaseName("ix_mcpilot_mcp_servers_guild_channel");
            b.HasMany(x => x.Secrets).WithOne().HasForeignKey(x => x.ServerId)
                .HasConstraintName("fk_mcpilot_mcp_server_secrets_server").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<McpServerSecretRow>(b =>
        {
            Table(b, McpServerSecrets, excludeFromMigrations);
            b.HasKey(x => new { x.ServerId, x.Field }).HasName("pk_mcpilot_mcp_server_secrets");
            b.Property(x => x.ServerId).HasColumnName("server_id");
            b.Property(x => x.Field).HasColumnName("field");
            b.Property(x => x.Envelope).HasColumnName("envelope");
        });

        modelBuilder.Entity<ConversationThreadRow>(b =>
        {
            Table(b, ConversationThreads, excludeFromMigrations);
            b.HasKey(x => x.Id).HasName("pk_mcpilot_conversation_threads");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.GuildId).HasColumnName("guild_id");
            b.Property(x => x.ChannelId).HasColumnName("channel_id");
            b.Property(x => x.UserId).HasColumnName("user_id");
            b.Property(x => x.ActiveKey).HasColumnName("active_key");
            b.Property(x => x.LastSequence).HasColumnName("last_sequence");
            b.Property(x => x.CreatedAt).HasColumnName("created_at");
            b.Property(x => x.ArchivedAt).HasColumnName("archived_at");
            b.HasIndex(x => x.ActiveKey).IsUnique().HasDatabaseName("ux_mcpilot_conversation_threads_active_key");
            b.HasIndex(x => new { x.GuildId, x.ChannelId, x.UserId }).HasDatabaseName("ix_mcpilot_conversation_threads_key");
        });

        modelBuilder.Entity<ConversationMessageRow>(b =>
        {
            Table(b, ConversationMessages, excludeFromMigrations);
            b.HasKey(x => new { x.ThreadId, x.Sequence }).HasName("pk_mcpilot_conversation_messages");
            b.Property(x => x.ThreadId).HasColumnName("thread_id");
            b.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(x => x.Role).HasColumnName("role").HasMaxLength(EnumLength);
            b.Property(x => x.Content).HasColumnName("content");
            b.Property(x => x.At).HasColumnName("at");
            b.Property(x => x.ToolCalls).HasColumnName("tool_calls");
            b.HasOne<ConversationThreadRow>().WithMany().HasForeignKey(x => x.ThreadId)
                .HasConstraintName("fk_mcpilot_conversation_messages_thread").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageCounterRow>(b =>
        {
            Table(b, MessageCounters, excludeFromMigrations);
            b.HasKey(x => new { x.GuildId, x.Day, x.EntityId }).HasName("pk_mcpilot_message_counters");
            b.Property(x => x.GuildId).HasColumnName("guild_id").ValueGeneratedNever();
            b.Property(x => x.Day).HasColumnName("day");
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.Messages).HasColumnName("messages");
        });

        modelBuilder.Entity<ToolCallRow>(b =>
        {
            Table(b, ToolCalls, excludeFromMigrations);
            b.HasKey(x => x.Id).HasName("pk_mcpilot_tool_calls");
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.At).HasColumnName("at");
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.UserId).HasColumnName("user_id");
            b.Property(x => x.Tool).HasColumnName("tool");
            b.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(EnumLength);
            b.Property(x => x.DurationMicroseconds).HasColumnName("duration_us");
            b.Property(x => x.Detail).HasColumnName("detail");
            b.HasIndex(x => x.At).HasDatabaseName("ix_mcpilot_tool_calls_at");
            b.HasIndex(x => new { x.EntityId, x.At }).HasDatabaseName("ix_mcpilot_tool_calls_entity_at");
        });

        modelBuilder.Entity<SentMessageRow>(b =>
        {
            Table(b, SentMessages, excludeFromMigrations);
            b.HasKey(x => x.MessageId).HasName("pk_mcpilot_sent_messages");
            b.Property(x => x.MessageId).HasColumnName("message_id").ValueGeneratedNever();
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.GuildId).HasColumnName("guild_id");
            b.Property(x => x.ChannelId).HasColumnName("channel_id");
            b.Property(x => x.At).HasColumnName("at");
            b.HasIndex(x => x.At).HasDatabaseName("ix_mcpilot_sent_messages_at");
        });

        modelBuilder.Entity<EntityAvatarRow>(b =>
        {
            Table(b, EntityAvatars, excludeFromMigrations);
            b.HasKey(x => x.EntityId).HasName("pk_mcpilot_entity_avatars");
            b.Property(x => x.EntityId).HasColumnName("entity_id").ValueGeneratedNever();
            b.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(ContentTypeLength);
            b.Property(x => x.Content).HasColumnName("content");
            b.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(HashLength);
        });

        modelBuilder.Entity<PreviousEntityAvatarRow>(b =>
        {
            Table(b, PreviousEntityAvatars, excludeFromMigrations);
            b.HasKey(x => new { x.EntityId, x.Hash }).HasName("pk_mcpilot_entity_previous_avatars");
            b.Property(x => x.EntityId).HasColumnName("entity_id").ValueGeneratedNever();
            b.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(HashLength);
            b.Property(x => x.Replaced).HasColumnName("replaced");
            b.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(ContentTypeLength);
            b.Property(x => x.Content).HasColumnName("content");
        });

        modelBuilder.Entity<EntityFeedRow>(b =>
        {
            Table(b, EntityFeeds, excludeFromMigrations);
            b.HasKey(x => new { x.Node, x.EntityId, x.Kind }).HasName("pk_mcpilot_entity_feeds");
            b.Property(x => x.Node).HasColumnName("node").HasMaxLength(NodeLength);
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(EnumLength);
            b.Property(x => x.LastSequence).HasColumnName("last_sequence");
            b.Property(x => x.ReadCursor).HasColumnName("read_cursor");
            b.Property(x => x.MentionCursor).HasColumnName("mention_cursor");
            b.Property(x => x.Dropped).HasColumnName("dropped");
            b.HasIndex(x => x.EntityId).HasDatabaseName("ix_mcpilot_entity_feeds_entity_id");
            b.HasOne<EntityRow>().WithMany().HasForeignKey(x => x.EntityId)
                .HasConstraintName("fk_mcpilot_entity_feeds_entity").OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EntityFeedMessageRow>(b =>
        {
            Table(b, EntityFeedMessages, excludeFromMigrations);
            b.HasKey(x => new { x.Node, x.EntityId, x.Kind, x.Sequence }).HasName("pk_mcpilot_entity_feed_messages");
            b.Property(x => x.Node).HasColumnName("node").HasMaxLength(NodeLength);
            b.Property(x => x.EntityId).HasColumnName("entity_id");
            b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(EnumLength);
            b.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            b.Property(x => x.Mention).HasColumnName("mention");
            b.Property(x => x.FromEntityId).HasColumnName("from_entity_id");
            b.Property(x => x.At).HasColumnName("at");
            b.Property(x => x.Message).HasColumnName("message");
            b.HasIndex(x => x.At).HasDatabaseName("ix_mcpilot_entity_feed_messages_at");
            b.HasOne<EntityFeedRow>().WithMany().HasForeignKey(x => new { x.Node, x.EntityId, x.Kind })
                .HasConstraintName("fk_mcpilot_entity_feed_messages_feed").OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void Table<T>(EntityTypeBuilder<T> builder, string name, bool excludeFromMigrations)
        where T : class =>
        builder.ToTable(name, t => t.ExcludeFromMigrations(excludeFromMigrations));
}
