using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Stores;

/// <summary>
/// A context and the scope it lives in. Disposal is synchronous: it returns the context (and its
/// connection) to their pools, which needs no I/O.
/// </summary>
internal sealed class StoreContext(AsyncServiceScope scope, DbContext db) : IDisposable
{
    public DbContext Db { get; } = db;

    public void Dispose() => scope.Dispose();
}
