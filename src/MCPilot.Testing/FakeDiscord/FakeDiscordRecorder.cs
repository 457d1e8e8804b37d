using System.Collections.Concurrent;
using System.Text;
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

    public void Write(JsonObject exchange)
    {
        var line = Encoding.UTF8.GetBytes(exchange.ToJsonString() + "\n");
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream.Dispose();
        }
    }
}
