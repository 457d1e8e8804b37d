using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// Migration 1: entities (memberships, channel policies, credentials, DM routes), the vault's owner
/// salts, MCP server registrations and their secrets, conversations, message counters and the
/// tool-call audit log. Written by hand (EF's design-time package is not used); the schema tests
/// check that migrating gives exactly the schema the model describes, on SQLite and PostgreSQL.
/// </summary>
[Migration(Id)]
internal sealed class M20261122000000Initial(string? schema) : Migration
{
    public const string Id = "20261122000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (schema is not null)
        {
            migrationBuilder.EnsureSchema(schema);
        }

        migrationBuilder.CreateTable(
            name: MCPilotModel.Entities,
            schema: schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                name = t.Column<string>(nullable: false),
                name_key = t.Column<string>(nullable: false),
                avatar_url = t.Column<string>(nullable: true),
                owner_user_id = t.Column<long>(nullable: true),
                description = t.Column<string>(nullable: true),
                persona = t.Column<string>(nullable: true),
                blocked_phrases = t.Column<string>(nullable: false),
                tool_allow_list = t.Column<string>(nullable: true),
                sends_per_minute = t.Column<int>(nullable: false),
                burst = t.Column<int>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
                version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_entities", x => x.id));

        migrationBuilder.CreateTable(
            name: MCPilotModel.EntityGuilds,
            schema: schema,
            columns: t => new
            {
                entity_id = t.Column<Guid>(nullable: false),
                guild_id = t.Column<long>(nullable: false),
                name_key = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_entity_guilds", x => new { x.entity_id, x.guild_id });
                t.ForeignKey("fk_mcpilot_entity_guilds_entity", x => x.entity_id, MCPilotModel.Entities, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.EntityChannels,
            schema: schema,
            columns: t => new
            {
                entity_id = t.Column<Guid>(nullable: false),
                guild_id = t.Column<long>(nullable: false),
                channel_id = t.Column<long>(nullable: false),
                allowed = t.Column<bool>(nullable: false),
                denied = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_entity_channels", x => new { x.entity_id, x.guild_id, x.channel_id });
                t.ForeignKey("fk_mcpilot_entity_channels_membership", x => new { x.entity_id, x.guild_id }, MCPilotModel.EntityGuilds,
                    ["entity_id", "guild_id"], schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.Credentials,
            schema: schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
                lookup_id = t.Column<string>(maxLength: MCPilotModel.LookupIdLength, nullable: false),
                key_hash = t.Column<byte[]>(nullable: false),
                label = t.Column<string>(nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                last_used_at = t.Column<DateTime>(nullable: true),
                expires_at = t.Column<DateTime>(nullable: true),
                revoked_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_entity_credentials", x => x.id);
                t.ForeignKey("fk_mcpilot_entity_credentials_entity", x => x.entity_id, MCPilotModel.Entities, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.DmRoutes,
            schema: schema,
            columns: t => new
            {
                user_id = t.Column<long>(nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_dm_routes", x => x.user_id);
                t.ForeignKey("fk_mcpilot_dm_routes_entity", x => x.entity_id, MCPilotModel.Entities, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.OwnerSalts,
            schema: schema,
            columns: t => new
            {
                owner = t.Column<string>(maxLength: MCPilotModel.OwnerLength, nullable: false),
                salt = t.Column<byte[]>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_owner_salts", x => x.owner));

        migrationBuilder.CreateTable(
            name: MCPilotModel.McpServers,
            schema: schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                name = t.Column<string>(nullable: false),
                name_key = t.Column<string>(nullable: false),
                place_key = t.Column<string>(maxLength: MCPilotModel.PlaceKeyLength, nullable: false),
                scope = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                owner = t.Column<string>(maxLength: MCPilotModel.OwnerLength, nullable: false),
                guild_id = t.Column<long>(nullable: true),
                channel_id = t.Column<long>(nullable: true),
                transport = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                url = t.Column<string>(nullable: true),
                command = t.Column<string>(nullable: true),
                arguments = t.Column<string>(nullable: false),
                enabled = t.Column<bool>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
                version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_mcp_servers", x => x.id));

        migrationBuilder.CreateTable(
            name: MCPilotModel.McpServerSecrets,
            schema: schema,
            columns: t => new
            {
                server_id = t.Column<Guid>(nullable: false),
                field = t.Column<string>(nullable: false),
                envelope = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_mcp_server_secrets", x => new { x.server_id, x.field });
                t.ForeignKey("fk_mcpilot_mcp_server_secrets_server", x => x.server_id, MCPilotModel.McpServers, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.ConversationThreads,
            schema: schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                guild_id = t.Column<long>(nullable: false),
                channel_id = t.Column<long>(nullable: false),
                user_id = t.Column<long>(nullable: false),
                active_key = t.Column<string>(nullable: true),
                last_sequence = t.Column<long>(nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                archived_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_conversation_threads", x => x.id));

        migrationBuilder.CreateTable(
            name: MCPilotModel.ConversationMessages,
            schema: schema,
            columns: t => new
            {
                thread_id = t.Column<Guid>(nullable: false),
                sequence = t.Column<long>(nullable: false),
                role = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                content = t.Column<string>(nullable: false),
                at = t.Column<DateTime>(nullable: false),
                tool_calls = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_conversation_messages", x => new { x.thread_id, x.sequence });
                t.ForeignKey("fk_mcpilot_conversation_messages_thread", x => x.thread_id, MCPilotModel.ConversationThreads, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.MessageCounters,
            schema: schema,
            columns: t => new
            {
                guild_id = t.Column<long>(nullable: false),
                day = t.Column<DateOnly>(nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
                messages = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_message_counters", x => new { x.guild_id, x.day, x.entity_id }));

        migrationBuilder.CreateTable(
            name: MCPilotModel.ToolCalls,
            schema: schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                at = t.Column<DateTime>(nullable: false),
                entity_id = t.Column<Guid>(nullable: true),
                user_id = t.Column<long>(nullable: true),
                tool = t.Column<string>(nullable: false),
                outcome = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                duration_us = t.Column<long>(nullable: false),
                detail = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_tool_calls", x => x.id));

        migrationBuilder.CreateIndex("ux_mcpilot_entity_guilds_guild_name", MCPilotModel.EntityGuilds, ["guild_id", "name_key"], schema, unique: true);
        migrationBuilder.CreateIndex("ix_mcpilot_entity_channels_guild_channel", MCPilotModel.EntityChannels, ["guild_id", "channel_id"], schema);
        migrationBuilder.CreateIndex("ux_mcpilot_entity_credentials_lookup_id", MCPilotModel.Credentials, "lookup_id", schema, unique: true);
        migrationBuilder.CreateIndex("ix_mcpilot_entity_credentials_entity_id", MCPilotModel.Credentials, "entity_id", schema);
        migrationBuilder.CreateIndex("ix_mcpilot_dm_routes_entity_id", MCPilotModel.DmRoutes, "entity_id", schema);
        migrationBuilder.CreateIndex("ux_mcpilot_mcp_servers_place_name", MCPilotModel.McpServers, ["place_key", "name_key"], schema, unique: true);
        migrationBuilder.CreateIndex("ix_mcpilot_mcp_servers_owner", MCPilotModel.McpServers, "owner", schema);
        migrationBuilder.CreateIndex("ix_mcpilot_mcp_servers_guild_channel", MCPilotModel.McpServers, ["guild_id", "channel_id"], schema);
        migrationBuilder.CreateIndex("ux_mcpilot_conversation_threads_active_key", MCPilotModel.ConversationThreads, "active_key", schema, unique: true);
        migrationBuilder.CreateIndex("ix_mcpilot_conversation_threads_key", MCPilotModel.ConversationThreads, ["guild_id", "channel_id", "user_id"], schema);
        migrationBuilder.CreateIndex("ix_mcpilot_tool_calls_at", MCPilotModel.ToolCalls, "at", schema);
        migrationBuilder.CreateIndex("ix_mcpilot_tool_calls_entity_at", MCPilotModel.ToolCalls, ["entity_id", "at"], schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])[
            MCPilotModel.ToolCalls, MCPilotModel.MessageCounters, MCPilotModel.ConversationMessages, MCPilotModel.ConversationThreads,
            MCPilotModel.McpServerSecrets, MCPilotModel.McpServers, MCPilotModel.OwnerSalts, MCPilotModel.DmRoutes,
            MCPilotModel.Credentials, MCPilotModel.EntityChannels, MCPilotModel.EntityGuilds, MCPilotModel.Entities])
        {
            migrationBuilder.DropTable(table, schema);
        }
    }
}
