using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// Gives the stores (singletons) a short-lived context per operation: the host's
/// <typeparamref name="TContext"/>, resolved in a scope of its own, so that pooled, factory and
/// plain registrations all work.
/// </summary>
internal sealed class StoreContextSource<TContext>(IServiceScopeFactory scopes) : IStoreContextSource
    where TContext : DbContext
{
    public Type ContextType => typeof(TContext);

    public StoreContext Open()
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            return new StoreContext(scope, scope.ServiceProvider.GetRequiredService<TContext>());
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}

/// <summary>Opens a context for one store operation.</summary>
internal interface IStoreContextSource
{
    /// <summary>The host's context type.</summary>
    Type ContextType { get; }

    /// <summary>Opens a context; dispose the result when done.</summary>
    StoreContext Open();
}

/// <summary>
/// A context and the scope it lives in. Disposal is synchronous: it returns the context (and its
/// connection) to their pools, which needs no I/O.
/// </summary>
internal sealed class StoreContext(AsyncServiceScope scope, DbContext db) : IDisposable
{
    public DbContext Db { get; } = db;

    public void Dispose() => scope.Dispose();
}
