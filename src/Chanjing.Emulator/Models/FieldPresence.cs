namespace Chanjing.Emulator.Models;

/// <summary>Whether a model takes a field.</summary>
internal enum FieldPresence
{
    /// <summary>Checked when present.</summary>
    Optional,

    /// <summary>Must be present.</summary>
    Required,

    /// <summary>Must be absent (for example reference images on a text-only model).</summary>
    Forbidden,
}
