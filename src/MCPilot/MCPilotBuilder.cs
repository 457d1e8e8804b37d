using Microsoft.Extensions.DependencyInjection;

namespace MCPilot;

/// <summary>The one builder per service collection; registered so that <c>AddMCPilot()</c> is idempotent.</summary>
internal sealed class MCPilotBuilder(IServiceCollection services) : IMCPilotBuilder
{
    public IServiceCollection Services { get; } = services;
}
