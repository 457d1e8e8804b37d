using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MCPilot.AspNetCore.Tests;

/// <summary>Captures every log line (message, exception and scopes) so tests can check what was logged.</summary>
public sealed class TestLogSink : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            sink._scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString() ?? string.Empty);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                }
            }, scopes);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                scopes.AddRange(values.Select(p => $"{p.Key}={p.Value}"));
            }

            sink.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception} | {string.Join(" ; ", scopes)}");
        }
    }
}
