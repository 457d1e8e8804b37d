using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>
/// Appends exchanges as JSON Lines in the format <c>discord-spec-check</c> reads. Writers of the
/// same file (several FakeDiscords in one process) share one lock; each line is written and
/// flushed whole. The bot token is never written.
/// </summary>
internal sealed class FakeDiscordRecorder : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lock> FileLocks = new(StringComparer.Ordinal);
    private readonly Lock _lock;
    private readonly FileStream _stream;

    private FakeDiscordRecorder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _lock = FileLocks.GetOrAdd(Path, _ => new Lock());
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    public string Path { get; }

    /// <summary>The recorder the options and environment ask for, or null.</summary>
    public static FakeDiscordRecorder? Create(FakeDiscordOptions options)
    {
        var file = options.RecordPath ?? (options.RecordFromEnvironment ? Environment.GetEnvironmentVariable(FakeDiscordOptions.RecordFileEnvironmentVariable) : null);
        if (!string.IsNullOrWhiteSpace(file))
        {
            return new FakeDiscordRecorder(file);
        }

        var directory = options.RecordDirectory ?? (options.RecordFromEnvironment ? Environment.GetEnvironmentVariable(FakeDiscordOptions.RecordDirectoryEnvironmentVariable) : null);
        return string.IsNullOrWhiteSpace(directory)
            ? null
            : new FakeDiscordRecorder(System.IO.Path.Combine(directory, $"fakediscord-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl"));
    }

    /// <summary>
    /// Whether Discord's OpenAPI spec can describe an answer with <paramref name="responseBody"/>;
    /// answers it cannot describe are left out of the recording, since the spec check would
    /// reject FakeDiscord for being faithful. One shape is such: a field error tree
    /// (<c>{"errors": {"content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", ...}]}}}</c>).
    /// Discord's docs show each field error's <c>code</c> as a string (BASE_TYPE_REQUIRED,
    /// USERNAME_INVALID_CONTAINS, ...), and Discord sends strings; the spec's <c>InnerErrors</c>
    /// reuses its top-level <c>Error</c> schema, whose <c>code</c> is an integer, so no tree with
    /// a string code validates. The docs win, so FakeDiscord sends strings and such exchanges
    /// stay out; every other answer (errors without a tree, trees with integer codes) is recorded.
    /// </summary>
    /// <param name="responseBody">The JSON body answered, or null.</param>
    public static bool SpecCanDescribe(JsonNode? responseBody)
        => responseBody is not JsonObject { } error || error["errors"] is not { } tree || !HasStringCode(tree);

    public void Write(JsonObject exchange)
    {
        var line = Encoding.UTF8.GetBytes(exchange.ToJsonString() + "\n");
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    /// <summary>Whether any <c>_errors</c> entry in <paramref name="node"/> carries a string <c>code</c>.</summary>
    private static bool HasStringCode(JsonNode node)
    {
        if (node is not JsonObject fields)
        {
            return false;
        }

        foreach (var (name, value) in fields)
        {
            var found = name == "_errors" && value is JsonArray errors
                ? errors.Any(e => e is JsonObject entry && entry["code"]?.GetValueKind() == JsonValueKind.String)
                : value is not null && HasStringCode(value);
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream.Dispose();
        }
    }
}
