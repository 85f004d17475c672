using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Refit;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>
/// Three contenders per operation against the same in-memory handler: Floor (hand-written HttpClient + source-generated
/// System.Text.Json), Refit (an interface with System.Text.Json), and Chanjing.Sdk (the real client, default pipeline:
/// validation, token provider, retries armed, tracing and metrics on but unobserved). Floor is each category's baseline.
/// Goals (issue 28): on every operation no slower and no heavier than Refit, within 1.5x of Floor in time and allocations,
/// a submit under 4 KB. Results and what is met: docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OperationBenchmarks
{
    private const string Token = "benchmark-token";
    private static readonly Uri Base = new("https://open-api.chanjing.cc/");

    private FloorClient _floor = null!;
    private IRefitChanjingApi _refit = null!;
    private ChanjingClient _sdk = null!;
    private ReferenceVideoRequest _request = null!;
    private FloorSubmitBody _floorBody = null!;
    private CreationTaskQuery _query = null!;
    private string[] _ids = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedHandler();
        _floor = new FloorClient(new HttpClient(handler) { BaseAddress = Base }, Token);
        _refit = RestService.For<IRefitChanjingApi>(new HttpClient(handler) { BaseAddress = Base }, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = FloorJson.Default }),
        });
        _sdk = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = Token });
        _request = new ReferenceVideoRequest
        {
            Prompt = "keep the horse's features consistent; it gallops across the grassland, steady push-in, cinematic",
            ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"), new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg") },
        };
        _floorBody = new FloorSubmitBody { Prompt = _request.Prompt!, ReferenceImageUrls = [.. _request.ReferenceImageUrls.Select(u => u.AbsoluteUri)] };
        _ids = [.. Enumerable.Range(0, 50).Select(i => $"task-{i}")];
        _query = new CreationTaskQuery();
        foreach (var id in _ids)
        {
            _query.TaskIds.Add(id);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _sdk.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Submit")]
    public Task<string> Floor_Submit() => _floor.SubmitAsync(new FloorSubmitBody { Prompt = _floorBody.Prompt, ReferenceImageUrls = _floorBody.ReferenceImageUrls });

    [Benchmark, BenchmarkCategory("Submit")]
    public async Task<string> Refit_Submit() => Data(await _refit.SubmitAsync(new FloorSubmitBody { Prompt = _floorBody.Prompt, ReferenceImageUrls = _floorBody.ReferenceImageUrls }, Token).ConfigureAwait(false));

    [Benchmark, BenchmarkCategory("Submit")]
    public Task<string> Sdk_Submit() => _sdk.SubmitAsync(_request);

    [Benchmark(Baseline = true), BenchmarkCategory("GetTask")]
    public Task<FloorTask> Floor_GetTask() => _floor.GetTaskAsync("task-1");

    [Benchmark, BenchmarkCategory("GetTask")]
    public async Task<FloorTask> Refit_GetTask() => Data(await _refit.GetTaskAsync("task-1", Token).ConfigureAwait(false));

    [Benchmark, BenchmarkCategory("GetTask")]
    public Task<CreationTask> Sdk_GetTask() => _sdk.GetTaskAsync("task-1");

    [Benchmark(Baseline = true), BenchmarkCategory("ListPage50")]
    public async Task<int> Floor_ListPage50() => (await _floor.ListAsync(new FloorListBody { UniqueIds = _ids }).ConfigureAwait(false)).List!.Length;

    [Benchmark, BenchmarkCategory("ListPage50")]
    public async Task<int> Refit_ListPage50() => Data(await _refit.ListAsync(new FloorListBody { UniqueIds = _ids }, Token).ConfigureAwait(false)).List!.Length;

    [Benchmark, BenchmarkCategory("ListPage50")]
    public async Task<int> Sdk_ListPage50()
    {
        var count = 0;
        await foreach (var _ in _sdk.ListTasksAsync(_query).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>One round of waiting on 50 tasks that are all finished: one list request, every task yielded.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("WaitRound50")]
    public async Task<int> Floor_WaitRound50()
    {
        var page = await _floor.ListAsync(new FloorListBody { UniqueIds = _ids }).ConfigureAwait(false);
        return page.List!.Count(t => t.Status is "Success" or "Error" or "Fail");
    }

    [Benchmark, BenchmarkCategory("WaitRound50")]
    public async Task<int> Refit_WaitRound50() => Data(await _refit.ListAsync(new FloorListBody { UniqueIds = _ids }, Token).ConfigureAwait(false)).List!.Count(t => t.Status is "Success" or "Error" or "Fail");

    [Benchmark, BenchmarkCategory("WaitRound50")]
    public async Task<int> Sdk_WaitRound50()
    {
        var count = 0;
        await foreach (var _ in _sdk.WaitForAllAsync(_ids).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static T Data<T>(FloorEnvelope<T> envelope) => envelope.Code == 0 && envelope.Data is { } data ? data : throw new InvalidOperationException($"code {envelope.Code}");
}
