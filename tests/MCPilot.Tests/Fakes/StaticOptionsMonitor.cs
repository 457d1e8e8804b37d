using Microsoft.Extensions.Options;

namespace MCPilot.Tests.Fakes;

/// <summary>Options that never change, for constructing one class without a service provider.</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
