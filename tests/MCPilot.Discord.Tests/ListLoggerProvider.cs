using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MCPilot.Discord.Tests;

/// <summary>Keeps every log entry (level, category, formatted message with exception) and every scope opened, for assertions.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>The scopes opened (what a logger that includes scopes would print), formatted.</summary>
    public IReadOnlyList<string> Scopes => [.. _scopes];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, _scopes);

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, string Category, string Message);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries, ConcurrentQueue<string> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            scopes.Enqueue(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue(new Entry(logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
