using MsoManager.Benchmarks;

// scripts/benchmark.sh [list|engine|deadlines|findings|writers|documents|reviews|all]: reruns the performance measurements (Release).
var which = args.Length == 0 ? "all" : args[0];
var known = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["engine"] = EngineBenchmark.RunAsync,
    ["deadlines"] = DeadlineBenchmark.RunAsync,
    ["list"] = ListBenchmark.RunAsync,
    ["findings"] = FindingsLoadBenchmark.RunAsync,
    ["writers"] = WritersBenchmark.RunAsync,
    ["documents"] = DocumentImportBenchmark.RunAsync,
    ["reviews"] = ReviewPageBenchmark.RunAsync,
};
if (which == "all")
{
    foreach (var run in known.Values)
    {
        await run();
    }
}
else if (known.TryGetValue(which, out var run))
{
    await run();
}
else
{
    Console.Error.WriteLine($"Unknown benchmark '{which}'. Use one of: {string.Join(", ", known.Keys)}, all.");
    return 2;
}

return 0;
