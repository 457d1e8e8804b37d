using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MCPilot.Conversations;
using MCPilot.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Storage.EfCore.Tests.Migrations;

/// <summary>
/// Every lookup the core makes on a hot path reads its tables by index: the SQL the stores
/// actually run (recorded as they run it, split queries and compiled queries included) is
/// explained by the database, and no plan reads an MCPilot table from end to end.
/// </summary>
public abstract class LookupPlanTests(LookupPlanFixture fixture)
{
    public static TheoryData<string> Lookups =>
        ["credential by lookup id", "active thread by key", "entities by channel", "entities by thread in channel", "entities by guild", "sent message by id", "DM route by user"];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task Lookup_Plan_SearchesEveryMCPilotTableByIndex(string lookup)
    {
        fixture.Hook.Clear();
        await RunAsync(lookup);
        var commands = fixture.Hook.Commands;

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            Assert.StartsWith("SELECT", command.Text.TrimStart(), StringComparison.Ordinal);
            var plan = await ExplainAsync(command);
            var context = $"{lookup}: the plan of\n{command.Text}\nis\n{string.Join('\n', plan)}";
            TestContext.Current.TestOutputHelper?.WriteLine(context);
            AssertSearchesByIndex(command, plan, context);
        }
    }

    /// <summary>The database's plan of <paramref name="command"/>, one line per step.</summary>
    protected abstract Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand command);

    /// <summary>Asserts that <paramref name="plan"/> reads at least one MCPilot table, and each only by seeking in an index.</summary>
    protected abstract void AssertSearchesByIndex(RecordedCommand command, IReadOnlyList<string> plan, string context);

    private Task RunAsync(string lookup)
    {
        var services = fixture.Services;
        return lookup switch
        {
            "credential by lookup id" => services.GetRequiredService<IEntityCredentialStore>().FindByLookupIdAsync(fixture.LookupId, Ct),
            "active thread by key" => services.GetRequiredService<IConversationStore>().GetOrCreateActiveAsync(fixture.Thread, DateTimeOffset.UnixEpoch, Ct),
            "entities by channel" => services.GetRequiredService<IEntityStore>().ListByChannelAsync(fixture.Guild, fixture.Channel, null, Ct),
            "entities by thread in channel" => services.GetRequiredService<IEntityStore>().ListByChannelAsync(fixture.Guild, 999, fixture.Channel, Ct),
            "entities by guild" => services.GetRequiredService<IEntityStore>().ListByGuildAsync(fixture.Guild, Ct),
            "sent message by id" => services.GetRequiredService<ISentMessageStore>().FindAsync(fixture.MessageId, Ct),
            "DM route by user" => services.GetRequiredService<IDmRouteStore>().GetActiveEntityAsync(fixture.User, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(lookup), lookup, "Unknown lookup."),
        };
    }
}

/// <summary>SQLite's EXPLAIN QUERY PLAN: each table is read by a SEARCH using an index or the primary key, never by a SCAN.</summary>
public sealed class SqliteLookupPlanTests(SqliteLookupPlanFixture fixture) : LookupPlanTests(fixture), IClassFixture<SqliteLookupPlanFixture>
{
    private readonly SqliteLookupPlanFixture _fixture = fixture;

    protected override async Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand command)
    {
        await using var connection = _fixture.Database.OpenConnection();
        await using var explain = command.Create(connection, "EXPLAIN QUERY PLAN ");
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return plan;
    }

    protected override void AssertSearchesByIndex(RecordedCommand command, IReadOnlyList<string> plan, string context)
    {
        // The plan names each table by the alias EF gave it in the SQL.
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(command.Text, @"""(mcpilot_\w+)""(?:\s+AS\s+""(\w+)"")?"))
        {
            tables.TryAdd(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, m.Groups[1].Value);
        }

        var reads = plan.Select(line => Regex.Match(line, @"^(SCAN|SEARCH) (\w+)\b(.*)$")).Where(m => m.Success && tables.ContainsKey(m.Groups[2].Value)).ToList();

        Assert.True(reads.Count > 0, $"{context}\nreads no MCPilot table.");
        foreach (var read in reads)
        {
            Assert.True(
                read.Groups[1].Value == "SEARCH" && Regex.IsMatch(read.Groups[3].Value, @"USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)\b"),
                $"{context}\nreads {tables[read.Groups[2].Value]} by '{read.Value}', not by an index.");
        }
    }
}

/// <summary>
/// PostgreSQL's EXPLAIN (JSON), with sequential scans and whole-table joins priced out
/// (enable_seqscan, enable_hashjoin, enable_mergejoin off): on tables this small the planner
/// would rightly read everything, so the test asks instead whether an index seek can serve every
/// table the query reads. A plan that still scans a table, or walks a whole index without an
/// index condition, has no index for it.
/// </summary>
public sealed class PostgreSqlLookupPlanTests(PostgreSqlLookupPlanFixture fixture) : LookupPlanTests(fixture), IClassFixture<PostgreSqlLookupPlanFixture>
{
    private readonly PostgreSqlLookupPlanFixture _fixture = fixture;

    protected override async Task<IReadOnlyList<string>> ExplainAsync(RecordedCommand command)
    {
        await using var connection = _fixture.Database.OpenConnection();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off";
            await off.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = command.Create(connection, "EXPLAIN (FORMAT JSON) ");
        var json = (string)(await explain.ExecuteScalarAsync(Ct))!;

        // One line per plan node that reads a table: "<node type> <table> <index condition or ->".
        var plan = new List<string>();
        Walk(JsonNode.Parse(json)![0]!["Plan"]!, plan);
        return plan;
    }

    protected override void AssertSearchesByIndex(RecordedCommand command, IReadOnlyList<string> plan, string context)
    {
        var reads = plan.Where(line => line.Split(' ')[1].StartsWith("mcpilot_", StringComparison.Ordinal)).ToList();

        Assert.True(reads.Count > 0, $"{context}\nreads no MCPilot table.");
        foreach (var read in reads)
        {
            Assert.True(Regex.IsMatch(read, @"^(IndexScan|IndexOnlyScan|BitmapHeapScan) mcpilot_\w+ [^-]"), $"{context}\nreads a table by '{read}', not by seeking in an index.");
        }
    }

    private static void Walk(JsonNode node, List<string> plan)
    {
        if (node["Relation Name"] is { } relation)
        {
            var type = node["Node Type"]!.GetValue<string>().Replace(" ", "", StringComparison.Ordinal);
            var condition = (node["Index Cond"] ?? node["Recheck Cond"])?.GetValue<string>() ?? "-";
            plan.Add($"{type} {relation.GetValue<string>()} {condition}");
        }

        foreach (var child in node["Plans"]?.AsArray() ?? [])
        {
            Walk(child!, plan);
        }
    }
}
