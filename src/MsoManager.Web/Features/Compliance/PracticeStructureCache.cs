using Microsoft.Extensions.Caching.Memory;
using MsoManager.Domain.Practices;

namespace MsoManager.Web.Features.Compliance;

/// <summary>
/// Practices loaded for evaluation, kept by id and concurrency version: every change of a practice
/// moves its version (the aggregate root is touched on each save), so an entry is never stale, only
/// unused. The copies are read-only (loaded without tracking, only read by the engine). Callers check
/// visibility and read the current version before asking, so nothing here crosses a workspace or scope.
/// </summary>
public sealed class PracticeStructureCache : IDisposable
{
    /// <summary>How many practices are kept; a consultant's active portfolio fits.</summary>
    public const int Capacity = 2_000;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public async Task<Practice> GetOrLoadAsync(Guid practiceId, uint version, Func<Task<Practice>> load)
    {
        var key = (practiceId, version);
        if (_cache.TryGetValue(key, out Practice? cached) && cached is not null)
        {
            return cached;
        }

        var practice = await load();
        _cache.Set(key, practice, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return practice;
    }

    public void Dispose() => _cache.Dispose();
}
