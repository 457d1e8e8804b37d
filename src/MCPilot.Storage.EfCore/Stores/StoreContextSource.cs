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
