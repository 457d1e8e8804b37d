using MCPilot.Vault;

namespace MCPilot.Crypto.Tests;

/// <summary>
/// An in-memory salt store that can hold one read after it has read the salt, so a test can
/// shred the owner while a decrypt is between reading the salt and caching its key.
/// </summary>
internal sealed class PausingOwnerSaltStore : IOwnerSaltStore
{
    private readonly InMemoryOwnerSaltStore _inner = new();
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _resume;

    /// <summary>Holds the next <see cref="GetAsync"/> after it read the salt; the returned task completes when it is held.</summary>
    public Task PauseNextRead()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    /// <summary>Lets the held read return the salt it read.</summary>
    public void Resume() => _resume!.TrySetResult();

    public async ValueTask<byte[]?> GetAsync(OwnerId owner, CancellationToken cancellationToken = default)
    {
        var salt = await _inner.GetAsync(owner, cancellationToken);
        if (Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.TrySetResult();
            await _resume!.Task.WaitAsync(cancellationToken);
        }

        return salt;
    }

    public ValueTask<byte[]> GetOrAddAsync(OwnerId owner, byte[] candidate, CancellationToken cancellationToken = default) =>
        _inner.GetOrAddAsync(owner, candidate, cancellationToken);

    public ValueTask<bool> DeleteAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(owner, cancellationToken);
}
