using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// Migration 3: uploaded entity avatars (<c>IEntityAvatarStore</c>, added with the entity
/// endpoints), which the host serves at a stable URL; kept here so that they survive a restart.
/// Deleting them with their entity is the entity registry's job, as with every avatar store.
/// </summary>
[Migration(Id)]
internal sealed class M20261122000002EntityAvatars(string? schema) : Migration
{
    public const string Id = "20261122000002_EntityAvatars";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: MCPilotModel.EntityAvatars,
            schema: schema,
            columns: t => new
            {
                entity_id = t.Column<Guid>(nullable: false),
                content_type = t.Column<string>(maxLength: MCPilotModel.ContentTypeLength, nullable: false),
                content = t.Column<byte[]>(nullable: false),
                hash = t.Column<string>(maxLength: MCPilotModel.HashLength, nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_entity_avatars", x => x.entity_id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(MCPilotModel.EntityAvatars, schema);
}
