using System.Text.Json;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary><c>chanjing_generate_video</c>: an AI-creation video from a prompt, or from reference images and a prompt.</summary>
internal sealed class GenerateVideoTool(IChanjingClient client, ToolSettings settings) : ChanjingToolFunction(
    client,
    settings,
    "chanjing_generate_video",
    "Generate a short AI video with Chanjing from a text prompt, or from reference images plus a prompt, wait for it and return its URL. " +
    "Each call starts a new paid task. If the result's status is \"still_running\", call chanjing_wait_for_task with its task_id instead of calling this again. " +
    $"Models: {settings.TextToVideoModel} from text alone, {settings.ImagesToVideoModel} with image_urls, or any Chanjing model code in 'model'.",
    """
    {
      "type": "object",
      "properties": {
        "prompt": { "type": "string", "description": "What the video shows: subject, action, scene, camera, style." },
        "image_urls": { "type": "array", "items": { "type": "string", "format": "uri" }, "description": "Optional public http(s) URLs of reference images (people, products, places) the video should use." },
        "aspect_ratio": { "type": "string", "enum": ["16:9", "9:16", "1:1"], "description": "Frame shape. Default 16:9 (landscape); 9:16 for phones." },
        "duration_seconds": { "type": "integer", "description": "Length in seconds: 5 or 10 for the default models. Default 5." },
        "model": { "type": "string", "description": "Optional Chanjing model code, for example happyhorse-1.0-t2v or Doubao-Seedance-1.0-pro. Leave out for the defaults." }
      },
      "required": ["prompt"],
      "additionalProperties": false
    }
    """)
{
    protected override Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var request = Build(arguments);
        return WaitAsync<CreationTask>(
            TaskKinds.Video,
            logger,
            (wait, progress) => Client.GenerateAsync(request, wait, progress, cancellationToken),
            task => ToolResult.Succeeded(TaskKinds.Video, task.Id, task.OutputUrls, r => r["model"] = request.ModelCode));
    }

    private CreationRequest Build(AIFunctionArguments arguments)
    {
        var prompt = ToolArguments.RequiredString(arguments, "prompt");
        var images = ToolArguments.Strings(arguments, "image_urls").Select(u => ToolArguments.Url(u, "image_urls")).ToArray();
        var ratio = ToolArguments.String(arguments, "aspect_ratio");
        var duration = ToolArguments.Integer(arguments, "duration_seconds");
        var model = ToolArguments.String(arguments, "model") ?? (images.Length > 0 ? Settings.ImagesToVideoModel : Settings.TextToVideoModel);
        var info = ChanjingModels.Find(model);
        if (info is not null && info.CreationType != CreationType.Video)
        {
            throw new ToolArgumentException($"'{model}' makes images, not videos; leave 'model' out or name a video model.");
        }

        var family = info?.RequestType ?? (images.Length > 0 ? typeof(ReferenceVideoRequest) : typeof(TextToVideoRequest));
        var required = info?.RequiredFields ?? [];
        var aspect = ratio is not null ? new AspectRatio(ratio) : required.Contains("aspect_ratio") ? AspectRatio.Landscape16x9 : (AspectRatio?)null;
        var clarity = required.Contains("clarity") ? VideoClarity.P1080 : (VideoClarity?)null;
        var seconds = duration ?? (required.Contains("video_duration") ? (model == ChanjingModels.MiniMaxHailuo02 ? 6 : 5) : null);

        if (family == typeof(ReferenceVideoRequest))
        {
            var reference = new ReferenceVideoRequest { ModelCode = model, Prompt = prompt, AspectRatio = aspect, Clarity = clarity, DurationSeconds = seconds };
            foreach (var image in images)
            {
                reference.ReferenceImageUrls.Add(image);
            }

            return reference;
        }

        if (family == typeof(ImageToVideoRequest))
        {
            return new ImageToVideoRequest
            {
                ModelCode = model,
                Prompt = prompt,
                StartFrameUrl = images.Length > 0 ? images[0] : null,
                EndFrameUrl = images.Length > 1 ? images[1] : null,
                AspectRatio = aspect,
                Clarity = clarity,
                DurationSeconds = seconds,
            };
        }

        if (family == typeof(TextToVideoRequest))
        {
            if (images.Length > 0)
            {
                throw new ToolArgumentException($"'{model}' makes a video from the prompt alone; leave image_urls out, or leave 'model' out to use {Settings.ImagesToVideoModel}.");
            }

            return new TextToVideoRequest { ModelCode = model, Prompt = prompt, AspectRatio = aspect, Clarity = clarity, DurationSeconds = seconds };
        }

        throw new ToolArgumentException($"'{model}' edits videos, which this tool does not do; leave 'model' out.");
    }
}
