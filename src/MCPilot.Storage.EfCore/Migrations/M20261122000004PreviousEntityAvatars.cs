using MCPilot.Storage.EfCore.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// Migration 5: the uploaded avatars an entity replaced (<c>IEntityAvatarStore</c> keeps a bounded
/// number of them), still served at their URLs so that older Discord messages keep their avatar.
/// As with the current avatars, deleting them with their entity is the entity registry's job.
/// </summary>
[Migration(Id)]
internal sealed class M20261122000004PreviousEntityAvatars(string? schema) : Migration
{
    public const string Id = "20261122000004_PreviousEntityAvatars";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: MCPilotModel.PreviousEntityAvatars,
            schema: schema,
            columns: t => new
            {
                entity_id = t.Column<Guid>(nullable: false),
                hash = t.Column<string>(maxLength: MCPilotModel.HashLength, nullable: false),
                replaced = t.Column<long>(nullable: false),
                content_type = t.Column<string>(maxLength: MCPilotModel.ContentTypeLength, nullable: false),
                content = t.Column<byte[]>(nullable: false),
            },
            constraints: t => t.PrimaryKey("pk_mcpilot_entity_previous_avatars", x => new { x.entity_id, x.hash }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(MCPilotModel.PreviousEntityAvatars, schema);
}
