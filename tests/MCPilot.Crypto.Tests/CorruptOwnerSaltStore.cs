using MCPilot.Vault;

namespace MCPilot.Crypto.Tests;

/// <summary>A salt store whose stored salts are all <c>length</c> bytes long: a corrupt or foreign store.</summary>
internal sealed class CorruptOwnerSaltStore(int length) : IOwnerSaltStore
{
    public ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<byte[]?>(Salt());

    public ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Salt());

    public ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(true);

    private byte[] Salt() => Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
}
