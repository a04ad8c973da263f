using System.Reflection;
using NetArchTest.Rules;

namespace Jiayuan.ArchitectureTests;

/// <summary>Modules talk to each other only through Contracts; the kernel knows no module.</summary>
public class ModuleBoundaryTests
{
    /// <summary>Every module assembly; a new module is picked up by its name (Jiayuan.&lt;Module&gt;, referenced by the web host).</summary>
    private static readonly Assembly[] Modules = [.. typeof(Program).Assembly.GetReferencedAssemblies()
        .Where(a => a.Name!.StartsWith("Jiayuan.", StringComparison.Ordinal) && a.Name is not ("Jiayuan.Core" or "Jiayuan.Migrations.Sqlite" or "Jiayuan.Migrations.Postgres"))
        .Select(Assembly.Load)];

    public static TheoryData<string, string> ModulePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Modules)
        {
            foreach (var b in Modules.Where(b => b != a))
            {
                data.Add(a.GetName().Name!, b.GetName().Name!);
            }
        }
        return data;
    }

    [Fact]
    public void Modules_AreDiscovered() => Assert.True(Modules.Length >= 2, "Expected at least Places and Notices.");

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void Module_UsesOtherModule_OnlyThroughContracts(string module, string other)
    {
        var forbidden = new[] { "Domain", "Data", "Features", "Demo" }.Select(n => $"{other}.{n}").ToArray();
        var result = Types.InAssembly(Assembly.Load(module)).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{module} reaches into {other}: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_DependsOnNoModule()
    {
        var result = Types.InAssembly(typeof(Core.Data.JiayuanDbContext).Assembly).ShouldNot()
            .HaveDependencyOnAny([.. Modules.Select(m => m.GetName().Name!)]).GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void ModuleEntities_AreInternal()
    {
        foreach (var module in Modules)
        {
            var result = Types.InAssembly(module).That().ResideInNamespaceEndingWith(".Domain").ShouldNot().BePublic().GetResult();
            Assert.True(result.IsSuccessful, $"{module.GetName().Name}: public domain types " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }
}
