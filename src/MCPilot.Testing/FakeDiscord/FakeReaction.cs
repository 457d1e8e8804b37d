namespace MCPilot.Testing.FakeDiscord;

/// <summary>One emoji's reactions on a message.</summary>
/// <param name="Emoji">The Unicode emoji, or <c>name:id</c> for a custom one.</param>
/// <param name="UserIds">Who reacted, in order.</param>
public sealed record FakeReaction(string Emoji, IReadOnlyList<ulong> UserIds);
