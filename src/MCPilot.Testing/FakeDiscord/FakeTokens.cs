using System.Security.Cryptography;
using System.Text;

namespace MCPilot.Testing.FakeDiscord;

/// <summary>Compares the tokens FakeDiscord checks (webhook and interaction tokens) in constant time, as Discord must.</summary>
internal static class FakeTokens
{
    /// <summary>Whether <paramref name="given"/> is <paramref name="expected"/>, in time independent of where they differ.</summary>
    public static bool Equal(string expected, string given)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
