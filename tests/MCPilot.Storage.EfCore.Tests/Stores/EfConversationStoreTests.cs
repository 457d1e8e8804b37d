using System.Data.Common;
using MCPilot.Conversations;
using MCPilot.Storage.EfCore.Stores;
using MCPilot.Storage.EfCore.Tests.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Stores;

/// <summary>
/// The conversation store when it keeps losing the race for a thread key: other writers take the
/// key just before each of its inserts. After its last attempt it reports a conflict that names
/// the key, never a raw provider exception.
/// </summary>
public abstract class EfConversationStoreTests(StorageProvider provider)
{
    private const string Threads = "mcpilot_conversation_threads";
    private const int Attempts = 5;
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOrCreateActive_KeyTakenBeforeEachInsertAndReleasedBeforeEachRead_ThrowsConflictNamingTheKey()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var hook = new CommandHook();
        await using var services = await database.ServicesAsync(hook);
        var key = new ThreadKey(11, 22, 33);
        var inserts = 0;
        hook.Before = async (command, _) =>
        {
            if (CommandHook.Names(command.CommandText, "FROM", Threads))
            {
                // The other writer's thread is archived again before the store looks for it.
                await CommandHook.RunBesideAsync(command, $"UPDATE {Threads} SET active_key = NULL, archived_at = created_at WHERE active_key = '{RowMapping.ActiveKey(key)}'", Ct);
            }
            else if (CommandHook.Names(command.CommandText, "INSERT INTO", Threads))
            {
                inserts++;
                await TakeKeyAsync(command, key);
            }
        };

        var error = await Assert.ThrowsAsync<StoreException>(() => services.GetRequiredService<IConversationStore>().GetOrCreateActiveAsync(key, T0, Ct));

        AssertConflictNaming(error);
        Assert.Equal(Attempts, inserts);
    }

    [Fact]
    public async Task ArchiveAndStart_KeyTakenBeforeEachInsert_ThrowsConflictNamingTheKeyAndKeepsTheActiveThread()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var hook = new CommandHook();
        await using var services = await database.ServicesAsync(hook);
        var conversations = services.GetRequiredService<IConversationStore>();
        var key = new ThreadKey(11, 22, 33);
        var active = await conversations.GetOrCreateActiveAsync(key, T0, Ct);
        var inserts = 0;
        hook.Before = async (command, _) =>
        {
            if (CommandHook.Names(command.CommandText, "INSERT INTO", Threads))
            {
                inserts++;
                await TakeKeyAsync(command, key);
            }
        };

        var error = await Assert.ThrowsAsync<StoreException>(() => conversations.ArchiveAndStartAsync(key, T0.AddHours(1), Ct));

        AssertConflictNaming(error);
        Assert.Equal(Attempts, inserts);
        hook.Before = null;
        var after = Assert.Single(await conversations.ListThreadsAsync(key, Ct));
        Assert.Equal(active.Id, after.Id);
        Assert.Null(after.ArchivedAt);
    }

    private static void AssertConflictNaming(StoreException error)
    {
        Assert.Equal(StoreError.ConcurrencyConflict, error.Error);
        Assert.Contains("guild 11, channel 22, user 33", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{Attempts} attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("retry", error.Message, StringComparison.Ordinal);
        Assert.IsType<DbUpdateException>(error.InnerException, exactMatch: false);
    }

    /// <summary>Another writer's active thread for <paramref name="key"/>, inserted where the store's insert is about to run.</summary>
    private static Task<int> TakeKeyAsync(DbCommand command, ThreadKey key) => CommandHook.RunBesideAsync(command,
        $"INSERT INTO {Threads} (id, guild_id, channel_id, user_id, active_key, last_sequence, created_at) " +
        $"VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', {key.GuildId}, {key.ChannelId}, {key.UserId}, '{RowMapping.ActiveKey(key)}', 0, '2026-11-22 12:00:00')", Ct);
}

public sealed class SqliteEfConversationStoreTests() : EfConversationStoreTests(StorageProvider.Sqlite);

public sealed class PostgreSqlEfConversationStoreTests() : EfConversationStoreTests(StorageProvider.PostgreSql);
