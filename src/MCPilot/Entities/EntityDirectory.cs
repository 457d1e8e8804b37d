using System.Collections.Immutable;

namespace MCPilot.Entities;

/// <summary>
/// The entities this host knows, in memory, with the index the router uses: channel to entities
/// (for memberships with an allow-list) and guild to entities (for memberships that allow every
/// channel). Reads are lock-free over an immutable snapshot; writes replace it.
/// </summary>
internal sealed class EntityDirectory
{
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>Whether the directory has been loaded from the store.</summary>
    public bool IsLoaded { get; private set; }

    /// <summary>How many entities it holds.</summary>
    public int Count => _snapshot.Entities.Count;

    /// <summary>Raised after an entity was removed.</summary>
    public event Action<EntityId>? Removed;

    /// <summary>The entity, if known.</summary>
    public Entity? Get(EntityId id) => _snapshot.Entities.GetValueOrDefault(id);

    /// <summary>Replaces the directory's content with <paramref name="entities"/>.</summary>
    public void Load(IEnumerable<Entity> entities)
    {
        lock (_gate)
        {
            var snapshot = Snapshot.Empty;
            foreach (var entity in entities)
            {
                snapshot = snapshot.With(entity);
            }

            _snapshot = snapshot;
            IsLoaded = true;
        }
    }

    /// <summary>Adds or replaces an entity (an older version than the one held is ignored).</summary>
    public void Upsert(Entity entity)
    {
        lock (_gate)
        {
            var current = _snapshot;
            if (current.Entities.TryGetValue(entity.Id, out var existing) && existing.Version > entity.Version)
            {
                return;
            }

            _snapshot = current.Without(entity.Id).With(entity);
        }
    }

    /// <summary>Removes an entity.</summary>
    public void Remove(EntityId id)
    {
        lock (_gate)
        {
            _snapshot = _snapshot.Without(id);
        }

        Removed?.Invoke(id);
    }

    /// <summary>
    /// The entities whose membership in <paramref name="guildId"/> may cover <paramref name="policyChannelId"/>:
    /// those allowing every channel of the guild and those allow-listing the channel. Deny lists are
    /// not applied here (the caller checks <see cref="Entity.MayUse"/>).
    /// </summary>
    public IEnumerable<Entity> Candidates(ulong guildId, ulong policyChannelId)
    {
        var snapshot = _snapshot;
        if (snapshot.ByGuild.TryGetValue(guildId, out var all))
        {
            foreach (var id in all)
            {
                yield return snapshot.Entities[id];
            }
        }

        if (snapshot.ByChannel.TryGetValue(policyChannelId, out var listed))
        {
            foreach (var id in listed)
            {
                if (all is null || !all.Contains(id))
                {
                    yield return snapshot.Entities[id];
                }
            }
        }
    }

    private sealed record Snapshot(
        ImmutableDictionary<EntityId, Entity> Entities,
        ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> ByGuild,
        ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> ByChannel)
    {
        public static Snapshot Empty { get; } = new(
            ImmutableDictionary<EntityId, Entity>.Empty,
            ImmutableDictionary<ulong, ImmutableHashSet<EntityId>>.Empty,
            ImmutableDictionary<ulong, ImmutableHashSet<EntityId>>.Empty);

        public Snapshot With(Entity entity)
        {
            var byGuild = ByGuild;
            var byChannel = ByChannel;
            foreach (var membership in entity.Guilds)
            {
                if (membership.Policy.Allow.Count == 0)
                {
                    byGuild = Add(byGuild, membership.GuildId, entity.Id);
                }
                else
                {
                    foreach (var channel in membership.Policy.Allow)
                    {
                        byChannel = Add(byChannel, channel, entity.Id);
                    }
                }
            }

            return new(Entities.SetItem(entity.Id, entity), byGuild, byChannel);
        }

        public Snapshot Without(EntityId id)
        {
            if (!Entities.TryGetValue(id, out var entity))
            {
                return this;
            }

            var byGuild = ByGuild;
            var byChannel = ByChannel;
            foreach (var membership in entity.Guilds)
            {
                if (membership.Policy.Allow.Count == 0)
                {
                    byGuild = Remove(byGuild, membership.GuildId, id);
                }
                else
                {
                    foreach (var channel in membership.Policy.Allow)
                    {
                        byChannel = Remove(byChannel, channel, id);
                    }
                }
            }

            return new(Entities.Remove(id), byGuild, byChannel);
        }

        private static ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> Add(ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> index, ulong key, EntityId id) =>
            index.SetItem(key, index.TryGetValue(key, out var set) ? set.Add(id) : [id]);

        private static ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> Remove(ImmutableDictionary<ulong, ImmutableHashSet<EntityId>> index, ulong key, EntityId id)
        {
            if (!index.TryGetValue(key, out var set))
            {
                return index;
            }

            set = set.Remove(id);
            return set.IsEmpty ? index.Remove(key) : index.SetItem(key, set);
        }
    }
}
