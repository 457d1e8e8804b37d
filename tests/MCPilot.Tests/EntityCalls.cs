using MCPilot.Tests.Fakes;
using MCPilot.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace MCPilot.Tests;

/// <summary>Runs code as one tool call of an entity, over <see cref="TestServices"/>.</summary>
public static class EntityCalls
{
    /// <summary>
    /// The services of one tool call of an entity (its context set, as the call filter sets it):
    /// resolve <c>IEntityDiscord</c> from it, or create a tool class with <see cref="Tool{T}"/>.
    /// </summary>
    public static IServiceProvider Call(this TestServices services, EntityId entityId)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<EntityContextAccessor>().Current = services.Get<EntityServerFactory>().CreateContext(entityId);
        return scope.ServiceProvider;
    }

    /// <summary>A tool class as an entity's tool call gets it.</summary>
    public static T Tool<T>(this TestServices services, EntityId entityId)
        where T : class => ActivatorUtilities.CreateInstance<T>(services.Call(entityId));
}
