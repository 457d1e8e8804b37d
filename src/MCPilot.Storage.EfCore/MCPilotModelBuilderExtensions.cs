using MCPilot.Storage.EfCore.Model;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Applies MCPilot's model to a bot's own <see cref="DbContext"/>.</summary>
public static class MCPilotModelBuilderExtensions
{
    /// <summary>
    /// Adds MCPilot's tables (all named <c>mcpilot_*</c>) to the model, so that the bot keeps one
    /// database. Call it from <c>OnModelCreating</c>. The tables are excluded from the bot's own
    /// migrations: MCPilot creates and upgrades them itself, with its own migrations and history
    /// table (<c>__mcpilot_migrations</c>), when the host starts.
    /// </summary>
    public static ModelBuilder ApplyMCPilotModel(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        MCPilotModel.Apply(modelBuilder, excludeFromMigrations: true);
        return modelBuilder;
    }
}
