using System.Collections.Concurrent;
using System.Security.Cryptography;
using MCPilot.Crypto;
using MCPilot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>
/// An entity's API keys: issue (shown once, stored hashed), list, rotate, revoke, and check a
/// presented key. A key opens exactly one entity.
/// </summary>
public sealed partial class EntityKeys
{
    /// <summary>The longest label of a key.</summary>
    public const int MaxLabelLength = 100;

    private static readonly byte[] DecoyHash = SHA256.HashData("mcpilot-decoy"u8);

    private readonly IEntityCredentialStore _credentials;
    private readonly IEntityStore _entities;
    private readonly IOptionsMonitor<EntityOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastTouched = new();

    internal EntityKeys(IEntityCredentialStore credentials, IEntityStore entities, IOptionsMonitor<EntityOptions> options, TimeProvider time, ILogger<EntityKeys> logger)
    {
        _credentials = credentials;
        _entities = entities;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Raised after a key was revoked on this host (by <see cref="RevokeAsync"/>, or by
    /// <see cref="RotateAsync"/> for the old key), with the entity and the credential's id. The
    /// endpoints close the sessions that key opened. Handlers run on the caller's thread and must be
    /// quick and must not throw.
    /// </summary>
    public event Action<EntityId, Guid>? KeyRevoked;

    /// <summary>Issues a new key for an entity.</summary>
    /// <param name="entityId">The entity the key opens.</param>
    /// <param name="label">A note on where the key is used, e.g. "claude desktop" (at most <see cref="MaxLabelLength"/> characters).</param>
    /// <param name="expiresAt">When the key stops working; <see langword="null"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="StoreException">The entity does not exist.</exception>
    public async Task<IssuedEntityKey> CreateAsync(EntityId entityId, string? label = null, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        if (label is { Length: > MaxLabelLength })
        {
            throw new EntityValidationException([$"A key's label has at most {MaxLabelLength} characters; this one has {label.Length}."]);
        }

        var now = _time.GetUtcNow();
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new EntityValidationException(["A key's expiry must be in the future."]);
        }

        if (await _entities.GetAsync(entityId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StoreException(StoreError.NotFound, $"Entity {entityId} does not exist, so it cannot get a key.");
        }

        var generated = ApiKeys.Generate();
        var credential = new EntityCredential
        {
            Id = Guid.CreateVersion7(),
            EntityId = entityId,
            LookupId = generated.LookupId,
            KeyHash = generated.Hash,
            Label = label,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await _credentials.AddAsync(credential, cancellationToken).ConfigureAwait(false);
        return new IssuedEntityKey(credential, generated.Key);
    }

    /// <summary>Lists an entity's keys (hashes only), newest first.</summary>
    public Task<IReadOnlyList<EntityCredential>> ListAsync(EntityId entityId, CancellationToken cancellationToken = default) =>
        _credentials.ListAsync(entityId, cancellationToken);

    /// <summary>Revokes a key of an entity; returns <see langword="false"/> when the entity has no such active key.</summary>
    public async Task<bool> RevokeAsync(EntityId entityId, Guid credentialId, CancellationToken cancellationToken = default)
    {
        var revoked = await _credentials.RevokeAsync(entityId, credentialId, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _lastTouched.TryRemove(credentialId, out _);
        if (revoked)
        {
            KeyRevoked?.Invoke(entityId, credentialId);
        }

        return revoked;
    }

    /// <summary>Replaces a key: issues a new one with the same label and revokes the old one.</summary>
    /// <exception cref="StoreException">The entity has no such active key.</exception>
    public async Task<IssuedEntityKey> RotateAsync(EntityId entityId, Guid credentialId, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var existing = (await _credentials.ListAsync(entityId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => c.Id == credentialId && c.IsActive(_time.GetUtcNow()))
            ?? throw new StoreException(StoreError.NotFound, $"Entity {entityId} has no active key {credentialId} to rotate.");
        var issued = await CreateAsync(entityId, existing.Label, expiresAt, cancellationToken).ConfigureAwait(false);
        await RevokeAsync(entityId, credentialId, cancellationToken).ConfigureAwait(false);
        return issued;
    }

    /// <summary>
    /// Checks a presented key for <paramref name="entityId"/>. Unknown, malformed, revoked or
    /// expired keys, and keys of another entity, all fail alike. A success records the key's use
    /// (at most once per <see cref="EntityOptions.KeyLastUsedInterval"/>).
    /// </summary>
    /// <returns>The credential the key matches, or <see langword="null"/>.</returns>
    public async Task<EntityCredential?> AuthenticateAsync(string? presentedKey, EntityId entityId, CancellationToken cancellationToken = default)
    {
        if (!ApiKeys.TryGetLookupId(presentedKey, out var lookupId))
        {
            return null;
        }

        var credential = await _credentials.FindByLookupIdAsync(lookupId, cancellationToken).ConfigureAwait(false);

        // Hash and compare even when there is no record, so timing does not tell which keys exist.
        var matches = ApiKeys.Verify(presentedKey, credential?.KeyHash ?? DecoyHash);
        var now = _time.GetUtcNow();
        if (credential is null || !matches || credential.EntityId != entityId || !credential.IsActive(now))
        {
            return null;
        }

        await TouchAsync(credential, now, cancellationToken).ConfigureAwait(false);
        return credential;
    }

    private async Task TouchAsync(EntityCredential credential, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interval = _options.CurrentValue.KeyLastUsedInterval;
        var last = _lastTouched.GetValueOrDefault(credential.Id, credential.LastUsedAt ?? DateTimeOffset.MinValue);
        if (now - last < interval)
        {
            return;
        }

        _lastTouched[credential.Id] = now;
        try
        {
            await _credentials.TouchAsync(credential.Id, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreException or InvalidOperationException or IOException)
        {
            // Last-used time is informational: a failed write must not refuse a valid key.
            LogTouchFailed(_logger, credential.LookupId, e);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not record the use of entity key {LookupId}.")]
    private static partial void LogTouchFailed(ILogger logger, string lookupId, Exception exception);
}
