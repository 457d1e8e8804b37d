using MCPilot.Vault;

namespace MCPilot.Crypto.Tests;

/// <summary>
/// A naive salt store: every owner has <paramref name="salt"/>, handed out by reference (the array
/// the store keeps), as a simple or foreign store might. Too short a salt makes it a corrupt store.
/// </summary>
internal sealed class FixedOwnerSaltStore(byte[] salt) : IOwnerSaltStore
{
    public static FixedOwnerSaltStore OfLength(int length) => new(Enumerable.Range(1, length).Select(i => (byte)i).ToArray());

    public byte[] Salt => salt;

    public ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<byte[]?>(salt);

    public ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(salt);

    public ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(true);
}
