namespace MCPilot.Crypto.Tests;

/// <summary>Tests that set process environment variables: they run alone, after every parallel test.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;
