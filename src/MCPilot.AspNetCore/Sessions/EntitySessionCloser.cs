using MCPilot.AspNetCore.Authentication;
using MCPilot.Entities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MCPilot.AspNetCore.Sessions;

/// <summary>
/// Closes the sessions whose right to exist ended: every session of an entity this host forgot
/// (<see cref="EntityRegistry.EntityRemoved"/>: deleted, or gone from the store on refresh), and the
/// sessions a key opened when it is revoked (<see cref="EntityKeys.KeyRevoked"/>). An open GET or
/// SSE stream never counts as idle, so without this it would outlive its entity or its key.
/// </summary>
internal sealed partial class EntitySessionCloser(EntitySessionManager sessions, EntityRegistry registry, EntityKeys keys, ILogger<EntitySessionCloser> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        registry.EntityRemoved += OnEntityRemoved;
        keys.KeyRevoked += OnKeyRevoked;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        registry.EntityRemoved -= OnEntityRemoved;
        keys.KeyRevoked -= OnKeyRevoked;
        return Task.CompletedTask;
    }

    private void OnEntityRemoved(EntityId entityId) => _ = ObserveAsync(sessions.CloseEntityAsync(entityId, "entity deleted"), entityId);

    private void OnKeyRevoked(EntityId entityId, Guid credentialId) =>
        _ = ObserveAsync(sessions.CloseCredentialAsync(entityId, ApiKeyEntityAuthenticator.CredentialId(credentialId), "key revoked"), entityId);

    private async Task ObserveAsync(Task closing, EntityId entityId)
    {
        try
        {
            await closing.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogCloseFailed(logger, entityId.ToString(), e);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not close the sessions of entity {EntityId} after its deletion or a key revocation.")]
    private static partial void LogCloseFailed(ILogger logger, string entityId, Exception exception);
}
