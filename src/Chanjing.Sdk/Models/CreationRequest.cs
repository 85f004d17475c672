using System.Text.Json.Nodes;

namespace Chanjing.Sdk;

/// <summary>
/// The body of every AI-creation submit (<c>POST /open/v1/ai_creation/task/submit</c>): one class per family of
/// models, plus <see cref="CustomCreationRequest"/> for anything else. Validated by the client before anything is
/// sent: generic rules for every model, and the documented rules of the models in <see cref="ChanjingModels"/>.
/// </summary>
public abstract class CreationRequest
{
    private protected CreationRequest(string modelCode)
    {
        ModelCode = modelCode;
    }

    /// <summary>The model (<c>model_code</c>, case-sensitive). Each family starts with its flagship model.</summary>
    public string ModelCode { get; set; }

    /// <summary>The prompt (<c>ref_prompt</c>), sent verbatim; omitted when null.</summary>
    public string? Prompt { get; set; }

    /// <summary>A URL the service calls when the task ends (<c>callback</c>); omitted when null. Treat a call as a hint and read the task.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>
    /// Fields the SDK does not model, sent verbatim (for a new model's settings). A name that is also a field this
    /// request models is refused with an <see cref="ArgumentException"/> naming both.
    /// </summary>
    public IDictionary<string, JsonNode?> AdditionalFields { get; } = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

    /// <summary>The kind of output (<c>creation_type</c>): <see cref="CreationType.Video"/> or <see cref="CreationType.Image"/>.</summary>
    public abstract CreationType CreationType { get; }

    /// <summary>Adds this family's own fields to a body being built (the base fields are added by the builder).</summary>
    private protected abstract void WriteFields(SubmitDraft draft);

    internal void Describe(SubmitDraft draft) => WriteFields(draft);
}
