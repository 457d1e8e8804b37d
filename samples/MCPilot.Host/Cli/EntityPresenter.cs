using System.Globalization;
using MCPilot.Entities;
using MCPilot.Host.Cli.Views;
using MCPilot.Host.Composition;

namespace MCPilot.Host.Cli;

/// <summary>Shows entities: one in detail, or many as a table; as text or JSON.</summary>
internal sealed class EntityPresenter(CliSession session)
{
    private readonly EntityUrls _urls = session.Get<EntityUrls>();
    private readonly EntityKeys _keys = session.Get<EntityKeys>();
    private readonly TimeProvider _time = session.Get<TimeProvider>();

    public async Task<EntityView> ViewAsync(Entity entity, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var active = (await _keys.ListAsync(entity.Id, cancellationToken)).Count(k => k.IsActive(now));
        return EntityView.From(entity, _urls.McpUrl(entity.Id), active);
    }

    /// <summary>Writes one entity, after a headline such as "Created entity Ada".</summary>
    public async Task ShowAsync(Entity entity, string? headline, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(entity, cancellationToken);
        var output = session.Output;
        if (output.Json)
        {
            output.WriteJson(view, HostJson.Default.EntityView);
            return;
        }

        output.Line(headline is null ? $"{entity.Name} ({view.Id})" : $"{headline} {entity.Name} ({view.Id})");
        output.Fields(
            ("MCP URL", view.McpUrl.ToString()),
            ("Active keys", view.ActiveKeys?.ToString(CultureInfo.InvariantCulture)),
            ("Description", view.Description),
            ("Avatar", view.AvatarUrl),
            ("Owner", view.OwnerUserId),
            ("Servers", entity.Guilds.Count == 0 ? "none: give it one with `channels allow` or `entities update --add-guild`" : string.Join("; ", entity.Guilds.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.GuildId}: {GuildPolicyView.Describe(g.Policy)}")))),
            ("Tools", view.Tools is null ? "all" : string.Join(", ", view.Tools)),
            ("Rate limit", string.Create(CultureInfo.InvariantCulture, $"{view.SendsPerMinute} sends/min, bursts of {view.Burst}")),
            ("Blocked", view.BlockedPhrases.Count == 0 ? null : string.Join(", ", view.BlockedPhrases.Select(p => $"\"{p}\""))),
            ("Persona", view.Persona),
            ("Created", CliOutput.Time(view.CreatedAt)),
            ("Updated", string.Create(CultureInfo.InvariantCulture, $"{CliOutput.Time(view.UpdatedAt)} (version {view.Version})")));
        if (view.ActiveKeys == 0)
        {
            output.Line();
            output.Line($"No MCP client can connect yet: issue a key with `keys create {view.Id}`.");
        }
    }

    public async Task ListAsync(IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        var views = new List<EntityView>();
        foreach (var entity in entities)
        {
            views.Add(await ViewAsync(entity, cancellationToken));
        }

        var output = session.Output;
        if (output.Json)
        {
            output.WriteJson<IReadOnlyList<EntityView>>(views, HostJson.Default.IReadOnlyListEntityView);
            return;
        }

        if (views.Count == 0)
        {
            output.Line("No entities. Create one with `entities create <name>`.");
            return;
        }

        var table = new TextTable("id", "name", "servers", "keys", "description");
        foreach (var view in views)
        {
            table.Add(view.Id, view.Name, string.Join(", ", view.Guilds.Select(g => g.GuildId)), view.ActiveKeys?.ToString(CultureInfo.InvariantCulture), view.Description);
        }

        table.WriteTo(output.Out);
    }
}
