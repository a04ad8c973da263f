using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Jiayuan.Core.Data;

/// <summary>
/// The modules whose entity configurations make up the model. Modules register their assembly once at start-up
/// (their <c>Add&lt;Module&gt;</c>); EF builds the model once per context type and caches it, so a process-wide
/// list is the same lifetime as the model itself.
/// </summary>
public static class ModelRegistry
{
    private static readonly List<Assembly> _assemblies = [];
    private static readonly Lock _lock = new();

    public static void Register(Assembly assembly)
    {
        lock (_lock)
        {
            if (!_assemblies.Contains(assembly))
            {
                _assemblies.Add(assembly);
            }
        }
    }

    internal static void Apply(ModelBuilder builder)
    {
        Assembly[] snapshot;
        lock (_lock)
        {
            snapshot = [.. _assemblies.OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];
        }
        foreach (var assembly in snapshot)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }
    }
}
