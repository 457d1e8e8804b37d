using System.ComponentModel;
using MCPilot.Tools;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Tests;

/// <summary>A plugin resource that reads the entity context, and a resource template.</summary>
[McpServerResourceType]
public sealed class TestResources(IEntityContext entity)
{
    [McpServerResource(UriTemplate = "test://entity/name", Name = "entity-name", MimeType = "text/plain"), Description("The entity's name (test resource).")]
    public string EntityName() => entity.Entity.Name;

    [McpServerResource(UriTemplate = "test://echo/{word}", Name = "echo", MimeType = "text/plain"), Description("Echoes a word (test resource template).")]
    public static string Echo(string word) => "echo: " + word;
}
