namespace MCPilot.Testing.FakeDiscord;

/// <summary>The demo world <see cref="FakeDiscordState.SeedDemo"/> creates.</summary>
/// <param name="Guild">The guild.</param>
/// <param name="General">#general, a text channel.</param>
/// <param name="Random">#random, a text channel.</param>
/// <param name="Thread">A public thread in #general.</param>
/// <param name="Forum">#ideas, a forum channel.</param>
/// <param name="ForumPost">A post (thread) in #ideas.</param>
/// <param name="Alice">A human member.</param>
/// <param name="Bob">A human member with the Moderators role.</param>
/// <param name="Moderators">A mentionable role.</param>
public sealed record FakeDemo(FakeGuild Guild, FakeChannel General, FakeChannel Random, FakeChannel Thread, FakeChannel Forum, FakeChannel ForumPost, FakeUser Alice, FakeUser Bob, FakeRole Moderators);
