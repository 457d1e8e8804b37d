namespace MCPilot.Host.Playground.Api;

/// <summary>A slash command the bot registered, for the page's hints.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it does.</param>
/// <param name="Usage">How to type it, e.g. <c>/talk [entity:…]</c>.</param>
internal sealed record PlaygroundCommandView(string Name, string Description, string Usage);
