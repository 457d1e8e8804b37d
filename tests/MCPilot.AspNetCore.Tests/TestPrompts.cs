using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using MCPilot.Tools;
using ModelContextProtocol.Server;

namespace MCPilot.AspNetCore.Tests;

/// <summary>A plugin prompt that reads the entity context and offers completions for one argument.</summary>
[McpServerPromptType]
public sealed class TestPrompts(IEntityContext entity)
{
    [McpServerPrompt(Name = "greet"), Description("Greets someone as the entity (test prompt).")]
    public string Greet([Description("Who to greet")] string name, [Description("How"), AllowedValues("formal", "casual")] string tone) =>
        $"{entity.Entity.Name} greets {name}, {tone}.";
}
