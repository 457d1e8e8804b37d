namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The builder returned by <c>services.AddMCPilot()</c>. Every MCPilot package adds its own
/// <c>AddXxx()</c> extension methods on it; each is idempotent, so calling one twice is harmless.
/// </summary>
public interface IMCPilotBuilder
{
    /// <summary>The service collection MCPilot's services are registered in.</summary>
    IServiceCollection Services { get; }
}
