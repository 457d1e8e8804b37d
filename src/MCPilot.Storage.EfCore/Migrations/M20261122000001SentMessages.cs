using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// Migration 2: which entity sent which Discord message. The entity endpoints (replies to an
/// entity, <c>read_dms</c>) and the ❓ provenance reaction look a message id up here, because the
/// entities of a channel share one webhook.
/// </summary>
[Migration(Id)]
internal sealed class M20261122000001SentMessages(string? schema) : Migration
{
    public const string Id = "20261122000001_SentMessages";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MCPilotModel.SentMessages,
            schema: schema,
            columns: t => new
            {
                message_id = t.Column<long>(nullable: false),
                entity_id = t.Column<Guid>(nullable: false),
                guild_id = t.Column<long>(nullable: true),
                channel_id = t.Column<long>(nullable: false),
                at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_sent_messages", x => x.message_id));

        migrationBuilder.CreateIndex("ix_mcpilot_sent_messages_at", MCPilotModel.SentMessages, "at", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(MCPilotModel.SentMessages, schema);
}
