using MCPilot.Vault;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto.Tests;

/// <summary>The real <c>BOT_MASTER_SECRET</c> environment variable, which the vault reads directly when configuration has no secret.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class VaultOptionsFromConfigurationTests
{
    private const string Plaintext = "a secret";
    private static readonly SecretBinding Binding = VaultFixture.Binding();

    [Fact]
    public async Task Configure_NoSecretInConfiguration_UsesTheEnvironmentVariable()
    {
        var secret = VaultFixture.NewSecret();
        var (salts, envelope) = await EncryptAsync(configured: null, environment: secret);

        using var sameSecret = VaultFixture.Build(secret, salts: salts);
        using var otherSecret = VaultFixture.Build(VaultFixture.NewSecret(), salts: salts);
        Assert.Equal(Plaintext, await sameSecret.Vault().DecryptStringAsync(Binding, envelope));
        var error = await Assert.ThrowsAsync<SecretVaultException>(() => otherSecret.Vault().DecryptAsync(Binding, envelope).AsTask());
        Assert.Equal(SecretVaultError.AuthenticationFailed, error.Error);
    }

    [Fact]
    public async Task Configure_SecretInConfigurationAndEnvironment_ConfigurationWins()
    {
        var configured = VaultFixture.NewSecret();
        var (salts, envelope) = await EncryptAsync(configured, environment: VaultFixture.NewSecret());

        using var sameSecret = VaultFixture.Build(configured, salts: salts);
        Assert.Equal(Plaintext, await sameSecret.Vault().DecryptStringAsync(Binding, envelope));
    }

    [Fact]
    public void Start_WeakEnvironmentVariable_FailsNamingIt()
    {
        using (new EnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable, "00112233445566778899aabbccddeeff"))
        {
            using var provider = VaultFixture.Build(new Dictionary<string, string?>());
            var error = Assert.Throws<OptionsValidationException>(() => provider.Vault());
            Assert.Contains("(or the BOT_MASTER_SECRET environment variable) is hex of 128 bits", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Encrypts <see cref="Plaintext"/> with a vault built while BOT_MASTER_SECRET is <paramref name="environment"/>.</summary>
    private static async Task<(IOwnerSaltStore Salts, string Envelope)> EncryptAsync(string? configured, string environment)
    {
        var salts = new InMemoryOwnerSaltStore();
        using var variable = new EnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable, environment);
        var settings = new Dictionary<string, string?>();
        if (configured is not null)
        {
            settings["MCPilot:Vault:MasterSecret"] = configured;
        }

        using var provider = VaultFixture.Build(settings, salts);
        return (salts, await provider.Vault().EncryptStringAsync(Binding, Plaintext));
    }

    /// <summary>Sets an environment variable for the process and restores its old value.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
