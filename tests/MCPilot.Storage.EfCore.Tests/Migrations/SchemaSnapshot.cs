namespace MCPilot.Storage.EfCore.Tests.Migrations;

/// <summary>
/// A provider's own description of MCPilot's tables (columns with types, nullability and
/// defaults; indexes; keys and foreign keys), one sorted line each, for comparing two schemas.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<List<string>> TakeAsync(TestDatabase database)
    {
        var lines = database.Provider == StorageProvider.PostgreSql ? await PostgresAsync(database) : await SqliteAsync(database);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> SqliteAsync(TestDatabase database)
    {
        var lines = new List<string>();
        foreach (var table in await database.QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'mcpilot!_%' ESCAPE '!'"))
        {
            lines.AddRange((await database.QueryAsync($"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')")).Select(c => $"{table} column {c}"));
            lines.AddRange((await database.QueryAsync($"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')")).Select(f => $"{table} fk {f}"));
            foreach (var index in await database.QueryAsync($"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var name = index.Split('|')[0];
                var columns = await database.QueryAsync($"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno");
                lines.Add($"{table} index {index} ({string.Join(",", columns)})");
            }
        }

        return lines;
    }

    private static async Task<List<string>> PostgresAsync(TestDatabase database)
    {
        var lines = new List<string>();
        lines.AddRange((await database.QueryAsync(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default, is_identity FROM information_schema.columns " +
            "WHERE table_schema = current_schema() AND table_name LIKE 'mcpilot!_%' ESCAPE '!'")).Select(c => "column " + c));
        lines.AddRange((await database.QueryAsync(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'mcpilot!_%' ESCAPE '!'")).Select(i => "index " + i));
        lines.AddRange((await database.QueryAsync(
            "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint " +
            "WHERE connamespace = current_schema()::regnamespace AND conrelid::regclass::text LIKE 'mcpilot!_%' ESCAPE '!'")).Select(c => "constraint " + c));
        return lines;
    }
}
