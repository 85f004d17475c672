using System.Diagnostics;

namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>
/// The span of one wait (<c>chanjing wait</c>, kind Internal) with <c>chanjing.task_id</c> and an event per status
/// change; with the GenAI conventions opted in, the <c>gen_ai.*</c> attributes too.
/// </summary>
internal static class WaitActivity
{
    public static Activity? Start(string taskId, CreationRequest? request)
    {
        var activity = ChanjingTelemetry.ActivitySource.StartActivity("chanjing wait", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("chanjing.task_id", taskId);
        if (ChanjingTelemetry.GenAiConventions)
        {
            GenAi(activity, request?.ModelCode, request?.CreationType, taskId);
        }

        return activity;
    }

    public static void StatusChanged(Activity? activity, CreationTask task)
    {
        if (activity is null)
        {
            return;
        }

        activity.AddEvent(new ActivityEvent("chanjing.task.status", tags: new ActivityTagsCollection { ["chanjing.task.status"] = task.Status.Value }));
        if (ChanjingTelemetry.GenAiConventions && activity.GetTagItem("gen_ai.request.model") is null)
        {
            GenAi(activity, task.ModelCode, task.Type, task.Id);
        }
    }

    public static void Failed(Activity? activity, ChanjingException error)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.SetTag("error.type", error.GetType().Name);
        }
    }

    /// <summary>The GenAI semantic-convention attributes of a submit or wait span.</summary>
    public static void GenAi(Activity activity, string? modelCode, CreationType? type, string? taskId)
    {
        activity.SetTag("gen_ai.operation.name", "generate_content");
        activity.SetTag("gen_ai.provider.name", "chanjing");
        if (modelCode is not null)
        {
            activity.SetTag("gen_ai.request.model", modelCode);
        }

        if (type is { } kind && kind.Value > 0)
        {
            activity.SetTag("gen_ai.output.type", kind == CreationType.Image ? "image" : "video");
        }

        if (taskId is not null)
        {
            activity.SetTag("gen_ai.response.id", taskId);
        }
    }
}
