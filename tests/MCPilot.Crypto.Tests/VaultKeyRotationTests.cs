using System.Runtime.CompilerServices;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Crypto.Tests;

public sealed class VaultKeyRotationTests
{
    [Fact]
    public async Task RewrapOwner_AfterRotation_MovesEveryFieldToTheActiveKeyAndLosesNone()
    {
        var salts = new InMemoryOwnerSaltStore();
        var source = new ListSource();
        var oldSecret = VaultFixture.NewSecret();
        var owner = new OwnerId("discord:42");
        using (var before = VaultFixture.Build(oldSecret, salts))
        {
            for (var i = 0; i < 20; i++)
            {
                var binding = new SecretBinding(owner, $"srv-{i}", "env.TOKEN");
                source.Fields.Add(new VaultedField(binding, await before.Vault().EncryptStringAsync(binding, $"token-{i}")));
            }
        }

        using var after = VaultFixture.Build(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = oldSecret,
            ["MCPilot:Vault:Keys:k2"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "k2",
        }, salts, services => services.AddSingleton<IVaultedFieldSource>(source));
        var rotation = after.GetRequiredService<VaultKeyRotation>();

        var first = await rotation.RewrapOwnerAsync(owner);
        var second = await rotation.RewrapOwnerAsync(owner);

        Assert.Equal(new VaultRewrapResult(20, 0, 0), first);
        Assert.Equal(new VaultRewrapResult(0, 20, 0), second);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(after.Vault().NeedsRewrap(source.Fields[i].Envelope));
            Assert.Equal($"token-{i}", await after.Vault().DecryptStringAsync(source.Fields[i].Binding, source.Fields[i].Envelope));
        }
    }

    private sealed class ListSource : IVaultedFieldSource
    {
        public List<VaultedField> Fields { get; } = [];

        public async IAsyncEnumerable<VaultedField> GetFieldsAsync(OwnerId owner, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var field in Fields.Where(f => f.Binding.Owner == owner).ToList())
            {
                yield return field;
            }
        }

        public ValueTask<bool> ReplaceAsync(VaultedField field, string newEnvelope, CancellationToken cancellationToken = default)
        {
            var index = Fields.IndexOf(field);
            if (index < 0)
            {
                return ValueTask.FromResult(false);
            }

            Fields[index] = field with { Envelope = newEnvelope };
            return ValueTask.FromResult(true);
        }
    }
}
