using System.Collections.Concurrent;
using MCPilot.Vault;

namespace MCPilot.Crypto;

/// <summary>
/// Keeps owner salts in memory, so every secret is lost when the process ends. The default until
/// a durable store (<c>AddEfStore</c>) replaces it; for tests and throwaway playgrounds.
/// </summary>
public sealed class InMemoryOwnerSaltStore : IOwnerSaltStore
{
    private readonly ConcurrentDictionary<OwnerId, byte[]> _salts = new();

    /// <inheritdoc />
    public ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_salts.TryGetValue(owner, out var salt) ? (byte[]?)salt.ToArray() : null);

    /// <inheritdoc />
    public ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Length < OwnerKeyDerivation.MinimumSaltSize)
        {
            throw new ArgumentException($"A salt has at least {OwnerKeyDerivation.MinimumSaltSize} bytes.", nameof(candidate));
        }

        return ValueTask.FromResult(_salts.GetOrAdd(owner, candidate.ToArray()).ToArray());
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_salts.TryRemove(owner, out _));
}
