namespace MCPilot.AspNetCore.Security;

/// <summary>The API key a request carried in its path, after it was removed from the path.</summary>
/// <param name="Key">The key.</param>
internal sealed record UrlKeyFeature(string Key)
{
    /// <summary>Keeps the key out of any text that might be logged.</summary>
    public override string ToString() => "UrlKeyFeature(key hidden)";
}
