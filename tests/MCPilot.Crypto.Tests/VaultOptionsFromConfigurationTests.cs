using MCPilot.Vault;
using Microsoft.Extensions.Options;

namespace MCPilot.Crypto.Tests;

/// <summary>The real <c>BOT_MASTER_SECRET</c> environment variable, which the vault reads directly when configuration has no secret.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class VaultOptionsFromConfigurationTests
{
    [Fact]
    public async Task Configure_NoSecretInConfiguration_UsesTheEnvironmentVariable()
    {
        var secret = VaultFixture.NewSecret();
        var salts = new InMemoryOwnerSaltStore();
        var binding = VaultFixture.Binding();
        string envelope;
        using (new EnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable, secret))
        {
            using var fromEnvironment = VaultFixture.Build(new Dictionary<string, string?>(), salts);
            envelope = await fromEnvironment.Vault().EncryptStringAsync(binding, "via BOT_MASTER_SECRET");
        }

        using var sameSecret = VaultFixture.Build(secret, salts: salts);
        using var otherSecret = VaultFixture.Build(VaultFixture.NewSecret(), salts: salts);
        Assert.Equal("via BOT_MASTER_SECRET", await sameSecret.Vault().DecryptStringAsync(binding, envelope));
        var error = await Assert.ThrowsAsync<SecretVaultException>(() => otherSecret.Vault().DecryptAsync(binding, envelope).AsTask());
        Assert.Equal(SecretVaultError.AuthenticationFailed, error.Error);
    }

    [Fact]
    public async Task Configure_SecretInConfigurationAndEnvironment_ConfigurationWins()
    {
        var configured = VaultFixture.NewSecret();
        var salts = new InMemoryOwnerSaltStore();
        var binding = VaultFixture.Binding();
        string envelope;
        using (new EnvironmentVariable(VaultOptions.MasterSecretEnvironmentVariable, VaultFixture.NewSecret()))
        {
            using var both = VaultFixture.Build(configured, salts: salts);
            envelope = await both.Vault().EncryptStringAsync(binding, "via MCPilot:Vault:MasterSecret");
        }

        using var sameSecret = VaultFixture.Build(configured, salts: salts);
        Assert.Equal("via MCPilot:Vault:MasterSecret", await sameSecret.Vault().DecryptStringAsync(binding, envelope));
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
