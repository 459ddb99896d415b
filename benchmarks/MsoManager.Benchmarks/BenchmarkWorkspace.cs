using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MsoManager.Domain.Workspaces;
using MsoManager.Infrastructure.Identity;
using MsoManager.Infrastructure.Persistence;
using MsoManager.Testing;

namespace MsoManager.Benchmarks;

/// <summary>An account and a workspace it owns, made the way the product makes them, for a benchmark to call the API as.</summary>
internal static class BenchmarkWorkspace
{
    public static async Task<Workspace> CreateAsync(AppHost host, string email, string password, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        var workspace = Workspace.Create(name, user.Id, DateTimeOffset.UtcNow);
        await using var db = scope.ServiceProvider.GetRequiredService<TenantDbContextFactory>().CreateForWorkspace(workspace.Id);
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace;
    }
}
