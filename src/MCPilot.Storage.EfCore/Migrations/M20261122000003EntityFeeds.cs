using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// Migration 4: persisted entity feeds (<c>IEntityFeedStore</c>), written only when
/// <c>MCPilot:Entities:Feeds:Persist</c> is on: per node (host), each feed's cursors and dropped
/// count, and its newest messages with their Discord time (for the retention). Both go with their
/// entity (cascading deletes).
/// </summary>
[Migration(Id)]
internal sealed class M20261122000003EntityFeeds(string? schema) : Migration
{
    public const string Id = "20261122000003_EntityFeeds";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MCPilotModel.EntityFeeds,
            schema: schema,
            columns: t => new
            {
                node = t.Column<string>(maxLength: MCPilotModel.NodeLength, nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
                kind = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                last_sequence = t.Column<long>(nullable: false),
                read_cursor = t.Column<long>(nullable: false),
                mention_cursor = t.Column<long>(nullable: false),
                dropped = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_entity_feeds", x => new { x.node, x.entity_id, x.kind });
                t.ForeignKey("fk_mcpilot_entity_feeds_entity", x => x.entity_id, MCPilotModel.Entities, "id", schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: MCPilotModel.EntityFeedMessages,
            schema: schema,
            columns: t => new
            {
                node = t.Column<string>(maxLength: MCPilotModel.NodeLength, nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
                kind = t.Column<string>(maxLength: MCPilotModel.EnumLength, nullable: false),
                sequence = t.Column<long>(nullable: false),
                mention = t.Column<int>(nullable: false),
                from_entity_id = t.Column<Guid>(nullable: true),
                at = t.Column<DateTime>(nullable: false),
                message = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("pk_mcpilot_entity_feed_messages", x => new { x.node, x.entity_id, x.kind, x.sequence });
                t.ForeignKey("fk_mcpilot_entity_feed_messages_feed", x => new { x.node, x.entity_id, x.kind }, MCPilotModel.EntityFeeds,
                    ["node", "entity_id", "kind"], schema, onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_mcpilot_entity_feeds_entity_id", MCPilotModel.EntityFeeds, "entity_id", schema);
        migrationBuilder.CreateIndex("ix_mcpilot_entity_feed_messages_at", MCPilotModel.EntityFeedMessages, "at", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(MCPilotModel.EntityFeedMessages, schema);
        migrationBuilder.DropTable(MCPilotModel.EntityFeeds, schema);
    }
}
