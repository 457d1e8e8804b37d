using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MCPilot.Storage.EfCore.Migrations;

/// <summary>
/// MCPilot's migrations, listed here in order (no attribute scanning), each created for the
/// schema of the migration context. There is no model snapshot: the schema tests compare the
/// migrated database with the model instead.
/// </summary>
internal sealed class MCPilotMigrationsAssembly(ICurrentDbContext currentContext) : IMigrationsAssembly
{
    /// <summary>Every migration, oldest first. Append new ones; never edit or reorder a released one.</summary>
    public static IReadOnlyList<(string Id, Type Type)> All { get; } =
    [
        (M20261122000000Initial.Id, typeof(M20261122000000Initial)),
        (M20261122000001SentMessages.Id, typeof(M20261122000001SentMessages)),
        (M20261122000002EntityAvatars.Id, typeof(M20261122000002EntityAvatars)),
        (M20261122000003EntityFeeds.Id, typeof(M20261122000003EntityFeeds)),
        (M20261122000004PreviousEntityAvatars.Id, typeof(M20261122000004PreviousEntityAvatars)),
    ];

    /// <summary>The newest migration this version knows.</summary>
    public static string Latest => All[^1].Id;

    public IReadOnlyDictionary<string, TypeInfo> Migrations { get; } =
        new SortedDictionary<string, TypeInfo>(All.ToDictionary(m => m.Id, m => m.Type.GetTypeInfo()), StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => typeof(MCPilotMigrationsAssembly).Assembly;

    public string? FindMigrationId(string nameOrId) =>
        All.Select(m => m.Id).FirstOrDefault(id => id == nameOrId || id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..].Equals(nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var schema = ((MCPilotMigrationContext)currentContext.Context).Schema;
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType(), schema)!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
