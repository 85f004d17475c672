namespace Chanjing.Sdk.Internal.Http;

/// <summary>A handler around the Chanjing HttpClient tried to send an SDK request a second time; the SDK refused.</summary>
internal sealed class ResendRefusedException() : InvalidOperationException("An HTTP handler around the Chanjing HttpClient tried to send a request a second time; the Chanjing SDK sends each attempt once and retries by its own rules.");
