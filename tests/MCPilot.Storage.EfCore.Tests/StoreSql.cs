using Microsoft.Data.Sqlite;

namespace MCPilot.Storage.EfCore.Tests;

/// <summary>Raw SQL against a SQLite file, to look at what the stores wrote.</summary>
public static class StoreSql
{
    public static List<string> Single(string value) => [value];

    public static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
