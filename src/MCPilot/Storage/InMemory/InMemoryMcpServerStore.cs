using System.Runtime.CompilerServices;
using MCPilot.Servers;
using MCPilot.Vault;

namespace MCPilot.Storage.InMemory;

/// <summary>
/// Keeps MCP server registrations in memory: nothing persists. Enforces the same rules as the
/// durable stores (versions, unique names per scope and place) and serves key rotation.
/// </summary>
public sealed class InMemoryMcpServerStore : IMcpServerStore
{
    private readonly Dictionary<Guid, McpServerRegistration> _registrations = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<McpServerRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_registrations.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<McpServerRegistration>> ListVisibleAsync(ulong? guildId, ulong channelId, ulong? parentChannelId, ulong userId, CancellationToken cancellationToken = default)
    {
        var user = OwnerId.ForDiscordUser(userId);
        return Where(r => r.Enabled && r.Scope switch
        {
            McpServerScope.User => r.Owner == user && (r.GuildId is null || r.GuildId == guildId),
            McpServerScope.Channel => guildId is not null && r.GuildId == guildId && (r.ChannelId == channelId || (parentChannelId is not null && r.ChannelId == parentChannelId)),
            McpServerScope.Global => guildId is not null && r.GuildId == guildId,
            _ => false,
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<McpServerRegistration>> ListByGuildAsync(ulong guildId, McpServerScope? scope = null, CancellationToken cancellationToken = default) =>
        Where(r => r.GuildId == guildId && (scope is null || r.Scope == scope));

    /// <inheritdoc />
    public Task<IReadOnlyList<McpServerRegistration>> ListByOwnerAsync(OwnerId owner, CancellationToken cancellationToken = default) =>
        Where(r => r.Owner == owner);

    /// <inheritdoc />
    public Task<McpServerRegistration> CreateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_lock)
        {
            if (_registrations.ContainsKey(registration.Id))
            {
                throw StoreExceptions.RegistrationExists(registration.Id);
            }

            return Task.FromResult(Store(registration, 1));
        }
    }

    /// <inheritdoc />
    public Task<McpServerRegistration> UpdateAsync(McpServerRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_lock)
        {
            if (!_registrations.TryGetValue(registration.Id, out var current))
            {
                throw StoreExceptions.RegistrationNotFound(registration);
            }

            if (current.Version != registration.Version)
            {
                throw StoreExceptions.RegistrationConflict(registration, current.Version);
            }

            return Task.FromResult(Store(registration, registration.Version + 1));
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_registrations.Remove(id));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<VaultedField> GetFieldsAsync(OwnerId owner, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var registration in await ListByOwnerAsync(owner, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (name, envelope) in registration.EncryptedHeaders)
            {
                yield return new VaultedField(registration.Binding(McpServerRegistration.HeaderField(name)), envelope);
            }

            foreach (var (name, envelope) in registration.EncryptedEnvironment)
            {
                yield return new VaultedField(registration.Binding(McpServerRegistration.EnvironmentField(name)), envelope);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplaceAsync(VaultedField field, string newEnvelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(newEnvelope);
        lock (_lock)
        {
            if (!Guid.TryParseExact(field.Binding.RecordId, "N", out var id)
                || !_registrations.TryGetValue(id, out var current)
                || current.Owner != field.Binding.Owner)
            {
                return ValueTask.FromResult(false);
            }

            var changed = Replace(current.EncryptedHeaders, McpServerRegistration.HeaderField, field, newEnvelope) is { } headers
                ? current with { EncryptedHeaders = headers }
                : Replace(current.EncryptedEnvironment, McpServerRegistration.EnvironmentField, field, newEnvelope) is { } environment
                    ? current with { EncryptedEnvironment = environment }
                    : null;
            if (changed is null)
            {
                return ValueTask.FromResult(false);
            }

            _registrations[id] = changed with { Version = current.Version + 1 };
            return ValueTask.FromResult(true);
        }
    }

    private static Dictionary<string, string>? Replace(IReadOnlyDictionary<string, string> fields, Func<string, string> fieldName, VaultedField field, string newEnvelope)
    {
        foreach (var (name, envelope) in fields)
        {
            if (fieldName(name) == field.Binding.Field && envelope == field.Envelope)
            {
                return new Dictionary<string, string>(fields, StringComparer.Ordinal) { [name] = newEnvelope };
            }
        }

        return null;
    }

    private Task<IReadOnlyList<McpServerRegistration>> Where(Func<McpServerRegistration, bool> predicate)
    {
        lock (_lock)
        {
            IReadOnlyList<McpServerRegistration> list = [.. _registrations.Values.Where(predicate).OrderBy(r => r.Name, StoreKeys.NameOrder).ThenBy(r => r.Id)];
            return Task.FromResult(list);
        }
    }

    private McpServerRegistration Store(McpServerRegistration registration, long version)
    {
        var place = StoreKeys.Place(registration);
        var name = StoreKeys.Name(registration.Name);
        var holder = _registrations.Values.FirstOrDefault(r => r.Id != registration.Id && StoreKeys.Place(r) == place && StoreKeys.Name(r.Name) == name);
        if (holder is not null)
        {
            throw StoreExceptions.RegistrationNameTaken(registration, holder.Id);
        }

        var stored = registration with
        {
            Version = version,
            Arguments = [.. registration.Arguments],
            EncryptedHeaders = new Dictionary<string, string>(registration.EncryptedHeaders, StringComparer.Ordinal),
            EncryptedEnvironment = new Dictionary<string, string>(registration.EncryptedEnvironment, StringComparer.Ordinal),
        };
        _registrations[stored.Id] = stored;
        return stored;
    }
}
