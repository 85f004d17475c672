namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>Whether retrying a request is safe whenever it failed transiently, or only when it was certainly rejected.</summary>
internal enum RequestKind
{
    /// <summary>Reads and token fetches: retried on every transient failure.</summary>
    Read,

    /// <summary>A paid submit: retried only when the service certainly did not accept it.</summary>
    Submit,
}
