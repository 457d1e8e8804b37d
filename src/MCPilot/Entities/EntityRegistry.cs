using System.Globalization;
using System.Security.Cryptography;
using MCPilot.Storage;
using Microsoft.Extensions.Options;

namespace MCPilot.Entities;

/// <summary>
/// Creates, changes and deletes entities, checking every rule first (<see cref="EntityRules"/>),
/// and keeps the in-memory directory that routing and the endpoints read in step with the store.
/// </summary>
public sealed class EntityRegistry
{
    /// <summary>The path under which the host serves uploaded avatars: <c>/mcpilot/avatars/{entityId}/{hash}.{ext}</c>.</summary>
    public const string AvatarPathPrefix = "/mcpilot/avatars/";

    private const int MaxConflictRetries = 3;

    private readonly IEntityStore _store;
    private readonly IEntityAvatarStore _avatars;
    private readonly EntityDirectory _directory;
    private readonly IOptionsMonitor<MCPilotOptions> _options;
    private readonly TimeProvider _time;

    internal EntityRegistry(IEntityStore store, IEntityAvatarStore avatars, EntityDirectory directory, IOptionsMonitor<MCPilotOptions> options, TimeProvider time)
    {
        _store = store;
        _avatars = avatars;
        _directory = directory;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Raised after this host forgot an entity: it was deleted (<see cref="DeleteAsync"/>), or a
    /// <see cref="RefreshAsync"/> found it gone from the store. The endpoints close the entity's open
    /// sessions on it. Handlers run on the caller's thread and must be quick and must not throw.
    /// </summary>
    public event Action<EntityId>? EntityRemoved
    {
        add => _directory.Removed += value;
        remove => _directory.Removed -= value;
    }

    /// <summary>Whether the registry has loaded every entity from the store (readiness).</summary>
    public bool IsLoaded => _directory.IsLoaded;

    /// <summary>How many entities this host knows.</summary>
    public int Count => _directory.Count;

    /// <summary>Loads every entity from the store into memory.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var all = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        _directory.Load(all);
    }

    /// <summary>Returns an entity (from memory, or from the store when another host created it).</summary>
    public async Task<Entity?> GetAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        if (_directory.Get(id) is { } known)
        {
            return known;
        }

        var stored = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            _directory.Upsert(stored);
        }

        return stored;
    }

    /// <summary>
    /// Re-reads an entity from the store after another process changed it (an operator CLI, another
    /// host): this host's directory, which routing and the endpoints read, takes the stored entity,
    /// or forgets it (closing its sessions) when the store no longer has it.
    /// </summary>
    /// <returns>The stored entity, or <see langword="null"/> when it no longer exists.</returns>
    public async Task<Entity?> RefreshAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        var stored = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            if (_directory.Get(id) is not null)
            {
                _directory.Remove(id);
            }

            return null;
        }

        _directory.Upsert(stored);
        return stored;
    }

    /// <summary>Lists every entity, by name.</summary>
    public Task<IReadOnlyList<Entity>> ListAsync(CancellationToken cancellationToken = default) => _store.ListAsync(cancellationToken);

    /// <summary>
    /// Creates an entity. Its name is normalized; an empty <see cref="Entity.Id"/> gets a new id;
    /// the timestamps are set here.
    /// </summary>
    /// <exception cref="EntityValidationException">The entity breaks a rule.</exception>
    /// <exception cref="StoreException">The id exists, or the name is taken in one of its guilds.</exception>
    public async Task<Entity> CreateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var now = _time.GetUtcNow();
        var candidate = entity with
        {
            Id = entity.Id.Value == Guid.Empty ? EntityId.New() : entity.Id,
            Name = EntityRules.NormalizeName(entity.Name ?? string.Empty),
            CreatedAt = now,
            UpdatedAt = now,
        };
        EntityRules.Validate(candidate);
        var created = await _store.CreateAsync(candidate, cancellationToken).ConfigureAwait(false);
        _directory.Upsert(created);
        return created;
    }

    /// <summary>
    /// Replaces an entity whose stored version is <paramref name="entity"/>'s <see cref="Entity.Version"/>.
    /// </summary>
    /// <exception cref="EntityValidationException">The entity breaks a rule.</exception>
    /// <exception cref="StoreException">It changed since it was read, does not exist, or its name is taken.</exception>
    public async Task<Entity> UpdateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var candidate = entity with { Name = EntityRules.NormalizeName(entity.Name ?? string.Empty), UpdatedAt = _time.GetUtcNow() };
        EntityRules.Validate(candidate);
        var updated = await _store.UpdateAsync(candidate, cancellationToken).ConfigureAwait(false);
        _directory.Upsert(updated);
        return updated;
    }

    /// <summary>
    /// Reads an entity, applies <paramref name="change"/> and stores the result, reading again and
    /// re-applying the change when someone else changed it meanwhile (a few times at most).
    /// </summary>
    /// <exception cref="StoreException">The entity does not exist, or kept changing.</exception>
    public async Task<Entity> UpdateAsync(EntityId id, Func<Entity, Entity> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new StoreException(StoreError.NotFound, $"Entity {id} does not exist.");
            try
            {
                return await UpdateAsync(change(current) with { Id = id, Version = current.Version }, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException e) when (e.Error == StoreError.ConcurrencyConflict && attempt < MaxConflictRetries)
            {
                // Someone else changed it between our read and write: read again.
            }
        }
    }

    /// <summary>Deletes an entity, its credentials and its avatar; returns <see langword="false"/> when it did not exist.</summary>
    public async Task<bool> DeleteAsync(EntityId id, CancellationToken cancellationToken = default)
    {
        var deleted = await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await _avatars.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        _directory.Remove(id);
        return deleted;
    }

    /// <summary>
    /// Stores an uploaded avatar (PNG, JPEG, GIF or WebP; at most <see cref="EntityOptions.MaxAvatarBytes"/>;
    /// square) and points the entity's <see cref="Entity.AvatarUrl"/> at the URL this host serves it
    /// at, under <see cref="MCPilotOptions.PublicBaseUrl"/> (Discord fetches avatars from there). The
    /// <see cref="EntityOptions.PreviousAvatarsKept"/> avatars it had last stay served at their old URLs,
    /// so the entity's older Discord messages keep their avatar.
    /// </summary>
    /// <exception cref="EntityValidationException">The image is too large, not square, not a supported format, or no public base URL is configured.</exception>
    public async Task<Entity> SetAvatarImageAsync(EntityId id, ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        var avatar = CheckAvatar(image.Span);
        var baseUrl = _options.CurrentValue.PublicBaseUrl
            ?? throw new EntityValidationException(["Uploaded avatars need MCPilot:PublicBaseUrl (the address Discord fetches them from, e.g. https://bot.example.com). Set it, or give the entity an AvatarUrl instead."]);
        var url = new Uri(baseUrl, string.Create(CultureInfo.InvariantCulture, $"{AvatarPathPrefix.TrimStart('/')}{id}/{avatar.Hash}.{avatar.Info.Extension}"));
        await _avatars.SaveAsync(new EntityAvatar(id, avatar.Info.ContentType, image.ToArray(), avatar.Hash), EntityOptions.PreviousAvatarsKept, cancellationToken).ConfigureAwait(false);
        return await UpdateAsync(id, e => e with { AvatarUrl = url }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The entity's uploaded avatar whose hash is <paramref name="hash"/>: its current one, or one of the
    /// <see cref="EntityOptions.PreviousAvatarsKept"/> it had before (older Discord messages show those).
    /// </summary>
    public Task<EntityAvatar?> GetAvatarAsync(EntityId id, string hash, CancellationToken cancellationToken = default) =>
        _avatars.GetAsync(id, hash, cancellationToken);

    internal Entity? Find(EntityId id) => _directory.Get(id);

    private static (ImageInfo Info, string Hash) CheckAvatar(ReadOnlySpan<byte> image)
    {
        if (image.Length > EntityOptions.MaxAvatarBytes)
        {
            throw new EntityValidationException([string.Create(CultureInfo.InvariantCulture, $"The avatar is {image.Length / 1024} KiB; at most {EntityOptions.MaxAvatarBytes / 1024 / 1024} MiB is allowed. Compress or shrink it.")]);
        }

        var info = ImageInfo.TryRead(image)
            ?? throw new EntityValidationException(["The avatar is not a PNG, JPEG, GIF or WebP image (or its header is damaged). Upload one of those formats."]);
        if (info.Width != info.Height)
        {
            throw new EntityValidationException([string.Create(CultureInfo.InvariantCulture, $"The avatar is {info.Width}x{info.Height}; it must be square. Crop it to {Math.Min(info.Width, info.Height)}x{Math.Min(info.Width, info.Height)}.")]);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        return (info, hash);
    }
}
