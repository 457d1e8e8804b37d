using System.Diagnostics;
using MCPilot.Entities;
using MCPilot.Storage.EfCore.Tests.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>
/// Kills a process in the middle of a stream of writes (SIGKILL: no clean-up runs) and checks
/// that every write the process saw committed is in the database, whole.
/// </summary>
public abstract class DurabilityTests(StorageProvider provider)
{
    private const int CommittedBeforeKill = 150;

    [Fact]
    public async Task Kill_DuringStreamOfWrites_EveryReportedWriteSurvives()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var services = database.Services())
        {
            await services.GetRequiredService<MCPilotDatabase>().MigrateAsync(ct);
        }

        var reported = new List<EntityId>();
        using (var writer = StartWriter(database))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (reported.Count < CommittedBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The writer exited early ({await writer.StandardError.ReadToEndAsync(ct)}).");
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    reported.Add(EntityId.Parse(line["committed ".Length..]));
                }
            }

            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(ct);
            Assert.NotEqual(0, writer.ExitCode);

            // Reports still in the pipe were committed before the kill too.
            foreach (var line in (await writer.StandardOutput.ReadToEndAsync(ct)).Split('\n'))
            {
                if (line.StartsWith("committed ", StringComparison.Ordinal) && EntityId.TryParse(line["committed ".Length..].Trim(), out var id))
                {
                    reported.Add(id);
                }
            }
        }

        await using (var services = database.Services())
        {
            var entities = services.GetRequiredService<IEntityStore>();
            foreach (var id in reported)
            {
                var entity = await entities.GetAsync(id, ct);
                Assert.NotNull(entity);
                var membership = Assert.Single(entity.Guilds);
                Assert.Single(membership.Policy.Allow);
            }

            // At most the one write in flight at the kill is there unreported, and it is there whole.
            var all = await entities.ListByGuildAsync(7, ct);
            Assert.InRange(all.Count, reported.Count, reported.Count + 1);
            Assert.All(all, e => Assert.Single(e.Guilds));
        }

        if (provider == StorageProvider.Sqlite)
        {
            Assert.Equal(["ok"], await database.QueryAsync("PRAGMA integrity_check"));
        }
    }

    private Process StartWriter(TestDatabase database)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "MCPilot.Storage.EfCore.DurabilityWriter"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(provider.ToString());
        info.ArgumentList.Add(database.ConnectionString);
        return Process.Start(info) ?? throw new InvalidOperationException("The durability writer did not start.");
    }
}

public sealed class SqliteDurabilityTests() : DurabilityTests(StorageProvider.Sqlite);

public sealed class PostgreSqlDurabilityTests() : DurabilityTests(StorageProvider.PostgreSql);
