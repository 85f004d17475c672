namespace Chanjing.Sdk;

/// <summary>
/// Any model, including one Chanjing adds after this SDK was released: the base fields (<c>model_code</c>,
/// <c>creation_type</c>, <c>ref_prompt</c>, <c>callback</c>) plus whatever <see cref="CreationRequest.AdditionalFields"/>
/// holds, sent verbatim. Local files are not uploaded for it: pass URLs (upload with <c>UploadFileAsync</c> first).
/// </summary>
public sealed class CustomCreationRequest : CreationRequest
{
    /// <summary>Creates a request for <paramref name="modelCode"/> producing <paramref name="creationType"/>.</summary>
    /// <param name="creationType">The kind of output (<c>creation_type</c>).</param>
    /// <param name="modelCode">The model (<c>model_code</c>).</param>
    public CustomCreationRequest(CreationType creationType, string modelCode)
        : base(modelCode)
    {
        CreationType = creationType;
    }

    /// <inheritdoc />
    public override CreationType CreationType { get; }

    private protected override void WriteFields(Internal.Requests.SubmitDraft draft)
    {
    }
}
