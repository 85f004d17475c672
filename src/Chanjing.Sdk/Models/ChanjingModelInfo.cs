namespace Chanjing.Sdk;

/// <summary>A model the SDK knows the documented rules of (see <see cref="ChanjingModels.Known"/>).</summary>
public sealed class ChanjingModelInfo
{
    internal ChanjingModelInfo(string code, CreationType creationType, Type requestType, string description, IReadOnlyList<string> requiredFields, IReadOnlyList<string> forbiddenFields)
    {
        Code = code;
        CreationType = creationType;
        RequestType = requestType;
        Description = description;
        RequiredFields = requiredFields;
        ForbiddenFields = forbiddenFields;
    }

    /// <summary>The model code (<c>model_code</c>).</summary>
    public string Code { get; }

    /// <summary>What it makes: <see cref="CreationType.Video"/> or <see cref="CreationType.Image"/>.</summary>
    public CreationType CreationType { get; }

    /// <summary>The request class to use, for example <see cref="ImageGenerationRequest"/>.</summary>
    public Type RequestType { get; }

    /// <summary>A short description.</summary>
    public string Description { get; }

    /// <summary>The wire fields the model requires, besides <c>model_code</c> and <c>creation_type</c>.</summary>
    public IReadOnlyList<string> RequiredFields { get; }

    /// <summary>The wire fields the model refuses.</summary>
    public IReadOnlyList<string> ForbiddenFields { get; }

    /// <summary>Returns the model code.</summary>
    public override string ToString() => Code;
}
