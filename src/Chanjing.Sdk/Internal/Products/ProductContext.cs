using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Products;

/// <summary>What every product client works with: the internal API layer, the pipeline's settings, clock and logger, and uploads.</summary>
internal sealed class ProductContext(ChanjingApi api, ChanjingPipeline pipeline, MediaUploader uploader)
{
    public ChanjingApi Api { get; } = api;

    public ChanjingPipeline Pipeline { get; } = pipeline;

    public MediaUploader Uploader { get; } = uploader;

    public ChanjingOptions Options => Pipeline.Options;

    public TimeProvider Time => Pipeline.Options.TimeProvider;

    public ILogger Logger => Pipeline.Logger;
}
