using Microsoft.EntityFrameworkCore;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>A bot's own context: a table of its own, plus MCPilot's model.</summary>
public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    /// <summary>When set, the bot keeps everything in this PostgreSQL schema.</summary>
    public static string? DefaultSchema { get; set; }

    public DbSet<BotNote> Notes => Set<BotNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (DefaultSchema is not null)
        {
            modelBuilder.HasDefaultSchema(DefaultSchema);
        }

        modelBuilder.Entity<BotNote>().ToTable("bot_notes");
        modelBuilder.ApplyMCPilotModel();
    }
}

public sealed class BotNote
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A context that forgot <c>ApplyMCPilotModel()</c>.</summary>
public sealed class ForgetfulDbContext(DbContextOptions<ForgetfulDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<BotNote>();
}
