using MCPilot.Crypto;
using MCPilot.Entities;
using MCPilot.Storage;
using MCPilot.Storage.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds MCPilot's in-memory stores.</summary>
public static class MCPilotBuilderInMemoryStoreExtensions
{
    /// <summary>
    /// Keeps everything in memory, for tests and throwaway playgrounds: nothing persists, and
    /// every secret is lost when the process ends. Replaces any store added before; for a
    /// durable store use <c>AddEfStore()</c> (package MCPilot.Storage.EfCore) instead.
    /// </summary>
    public static IMCPilotBuilder AddInMemoryStores(this IMCPilotBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ReplaceStores<InMemoryEntityStore, InMemoryEntityCredentialStore, InMemoryDmRouteStore, InMemorySentMessageStore, InMemoryEntityAvatarStore,
            InMemoryMcpServerStore, InMemoryConversationStore, InMemoryMessageCounterStore, InMemoryToolCallAuditLog, InMemoryOwnerSaltStore, InMemoryEntityFeedStore>();
        return builder;
    }
}
