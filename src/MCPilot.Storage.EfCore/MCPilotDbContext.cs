using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore;

/// <summary>
/// The ready-made context for hosts without a DbContext of their own: exactly MCPilot's model.
/// <c>AddEfStore()</c> registers and configures it; MCPilot migrates its tables at start.
/// </summary>
public sealed class MCPilotDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    public MCPilotDbContext(DbContextOptions<MCPilotDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyMCPilotModel();
}
