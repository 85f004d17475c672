namespace Chanjing.Cli.Infrastructure;

/// <summary>No credentials in the environment (and no <c>--emulator</c>): exit code 5.</summary>
internal sealed class CredentialsMissingException() : Exception(
    "No Chanjing credentials. Set CHANJING_ACCESS_TOKEN, or CHANJING_APP_ID and CHANJING_SECRET_KEY " +
    "(and CHANJING_BASE_ADDRESS for another host); or add --emulator to try the command against a local emulator.");
