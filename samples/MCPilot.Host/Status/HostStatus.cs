namespace MCPilot.Host.Status;

/// <summary>Reads the host's status from every <see cref="IHostStatusSource"/>.</summary>
internal sealed class HostStatus(IEnumerable<IHostStatusSource> sources, TimeProvider time)
{
    private readonly IReadOnlyList<IHostStatusSource> _sources = [.. sources];

    /// <summary>Reads the sections in <paramref name="scope"/>, in registration order.</summary>
    public async Task<HostStatusReport> ReadAsync(HostStatusScope scope, CancellationToken cancellationToken)
    {
        var sections = new List<HostStatusSection>();
        foreach (var source in _sources)
        {
            if (scope == HostStatusScope.All || source.IsLive == (scope == HostStatusScope.Live))
            {
                sections.Add(await ReadAsync(source, cancellationToken));
            }
        }

        return new HostStatusReport(time.GetUtcNow(), sections);
    }

    private static async Task<HostStatusSection> ReadAsync(IHostStatusSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HostStatusSection(source.Name, HostStatusLevel.Error, $"Could not read the {source.Name} status: {e.Message}", []);
        }
    }
}
