using System.Runtime.CompilerServices;
using MCPilot.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Crypto.Tests;

public sealed class VaultKeyRotationTests
{
    private static readonly OwnerId Owner = new("discord:42");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RewrapOwner_AfterRotation_MovesEveryFieldToTheActiveKeyAndLosesNone(bool warmCache)
    {
        var salts = new InMemoryOwnerSaltStore();
        var source = new ListSource();
        var oldSecret = VaultFixture.NewSecret();
        await FillAsync(source, oldSecret, salts, warmCache, 20);
        using var after = BuildRotated(oldSecret, salts, source, warmCache);
        var rotation = after.GetRequiredService<VaultKeyRotation>();

        var first = await rotation.RewrapOwnerAsync(Owner);
        var second = await rotation.RewrapOwnerAsync(Owner);

        Assert.Equal(new VaultRewrapResult(20, 0, 0), first);
        Assert.Equal(new VaultRewrapResult(0, 20, 0), second);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(after.Vault().NeedsRewrap(source.Fields[i].Envelope));
            Assert.Equal($"token-{i}", await after.Vault().DecryptStringAsync(source.Fields[i].Binding, source.Fields[i].Envelope));
        }
    }

    [Fact]
    public async Task RewrapOwner_FieldChangedMeanwhile_CountsAConflictAndLeavesTheNewValue()
    {
        var salts = new InMemoryOwnerSaltStore();
        var source = new ListSource();
        var oldSecret = VaultFixture.NewSecret();
        await FillAsync(source, oldSecret, salts, warmCache: true, 3);
        using var after = BuildRotated(oldSecret, salts, source, warmCache: true);
        var vault = after.Vault();
        var edited = source.Fields[1].Binding;
        var concurrentEdit = await vault.EncryptStringAsync(edited, "edited by the user meanwhile");
        source.BeforeReplace = field =>
        {
            if (field.Binding == edited)
            {
                source.Fields[1] = field with { Envelope = concurrentEdit };
            }
        };

        var result = await after.GetRequiredService<VaultKeyRotation>().RewrapOwnerAsync(Owner);

        Assert.Equal(new VaultRewrapResult(2, 0, 1), result);
        Assert.Equal(concurrentEdit, source.Fields[1].Envelope);
        Assert.Equal("edited by the user meanwhile", await vault.DecryptStringAsync(edited, source.Fields[1].Envelope));
        source.BeforeReplace = null;
        Assert.Equal(new VaultRewrapResult(0, 3, 0), await after.GetRequiredService<VaultKeyRotation>().RewrapOwnerAsync(Owner));
    }

    private static async Task FillAsync(ListSource source, string secret, IOwnerSaltStore salts, bool warmCache, int count)
    {
        using var before = VaultFixture.Build(secret, warmCache, salts);
        for (var i = 0; i < count; i++)
        {
            var binding = new SecretBinding(Owner, $"srv-{i}", "env.TOKEN");
            source.Fields.Add(new VaultedField(binding, await before.Vault().EncryptStringAsync(binding, $"token-{i}")));
        }
    }

    private static ServiceProvider BuildRotated(string oldSecret, IOwnerSaltStore salts, ListSource source, bool warmCache)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = oldSecret,
            ["MCPilot:Vault:Keys:k2"] = VaultFixture.NewSecret(),
            ["MCPilot:Vault:ActiveKeyId"] = "k2",
        };
        if (!warmCache)
        {
            settings["MCPilot:Vault:DerivedKeyCacheSize"] = "0";
        }

        return VaultFixture.Build(settings, salts, services => services.AddSingleton<IVaultedFieldSource>(source));
    }

    private sealed class ListSource : IVaultedFieldSource
    {
        public List<VaultedField> Fields { get; } = [];

        /// <summary>Runs before each replace: a concurrent writer.</summary>
        public Action<VaultedField>? BeforeReplace { get; set; }

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
            BeforeReplace?.Invoke(field);
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
