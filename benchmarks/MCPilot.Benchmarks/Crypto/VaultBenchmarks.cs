using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MCPilot.Crypto;
using MCPilot.Vault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Benchmarks.Crypto;

/// <summary>
/// The vault's encrypt+decrypt round trip of one field, warm (derived key cached) and cold
/// (HKDF on every call), against raw AesGcm on the same data (the baseline: the cipher alone,
/// reused key schedule, no envelope, no key derivation).
/// </summary>
[MemoryDiagnoser]
public class VaultBenchmarks
{
    private readonly SecretBinding _binding = new(new OwnerId("discord:1234567890"), "srv-0001", "headers.Authorization");
    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private byte[] _decrypted = [];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _tag = new byte[16];
    private AesGcm _raw = null!;
    private ServiceProvider _warmProvider = null!;
    private ServiceProvider _coldProvider = null!;
    private ISecretVault _warm = null!;
    private ISecretVault _cold = null!;

    [Params(32, 256, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plaintext = RandomNumberGenerator.GetBytes(Size);
        _ciphertext = new byte[Size];
        _decrypted = new byte[Size];
        _raw = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var salts = new InMemoryOwnerSaltStore();
        (_warmProvider, _warm) = Build(secret, salts, VaultOptions.DefaultDerivedKeyCacheSize);
        (_coldProvider, _cold) = Build(secret, salts, 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _warmProvider.Dispose();
        _coldProvider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw AesGcm")]
    public byte[] RawAesGcm()
    {
        RandomNumberGenerator.Fill(_nonce);
        _raw.Encrypt(_nonce, _plaintext, _ciphertext, _tag);
        _raw.Decrypt(_nonce, _ciphertext, _tag, _decrypted);
        return _decrypted;
    }

    [Benchmark(Description = "vault, warm key cache")]
    public async Task<byte[]> VaultWarm() => await _warm.DecryptAsync(_binding, await _warm.EncryptAsync(_binding, _plaintext));

    [Benchmark(Description = "vault, cold (HKDF per call)")]
    public async Task<byte[]> VaultCold() => await _cold.DecryptAsync(_binding, await _cold.EncryptAsync(_binding, _plaintext));

    private static (ServiceProvider, ISecretVault) Build(string secret, IOwnerSaltStore salts, int cacheSize)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MCPilot:Vault:MasterSecret"] = secret,
            ["MCPilot:Vault:DerivedKeyCacheSize"] = cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());
        services.AddSingleton(salts);
        new BenchmarkBuilder(services).AddVault();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<ISecretVault>());
    }

    private sealed class BenchmarkBuilder(IServiceCollection services) : IMCPilotBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
