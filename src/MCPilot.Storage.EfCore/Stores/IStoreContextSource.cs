namespace MCPilot.Storage.EfCore.Stores;

/// <summary>Opens a context for one store operation.</summary>
internal interface IStoreContextSource
{
    /// <summary>The host's context type.</summary>
    Type ContextType { get; }

    /// <summary>Opens a context; dispose the result when done.</summary>
    StoreContext Open();
}
