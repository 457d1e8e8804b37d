namespace MCPilot.Storage.EfCore;

/// <summary>What <c>AddEfStore</c> registered: the context type, and whether the host configures it itself.</summary>
/// <param name="ContextType">The DbContext the stores use.</param>
/// <param name="ConfiguredByHost">True when the host registered the context (AddDbContext) before AddEfStore; MCPilot then uses its connection.</param>
internal sealed record EfStoreRegistration(Type ContextType, bool ConfiguredByHost);
