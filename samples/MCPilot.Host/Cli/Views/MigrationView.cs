namespace MCPilot.Host.Cli.Views;

/// <summary>What <c>db migrate</c> did.</summary>
/// <param name="Applied">The migrations applied now, oldest first.</param>
/// <param name="Latest">The database's newest migration after the run.</param>
internal sealed record MigrationView(IReadOnlyList<string> Applied, string? Latest);
