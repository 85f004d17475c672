namespace Chanjing.Extensions.AI;

/// <summary>The diagnostic ids this package uses.</summary>
internal static class ChanjingAIDiagnostics
{
    /// <summary>The experimental marker of every public type here (suppress it with <c>&lt;NoWarn&gt;CHANJINGAI001&lt;/NoWarn&gt;</c>).</summary>
    public const string ExperimentalId = "CHANJINGAI001";
}
