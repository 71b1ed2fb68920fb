namespace Guichet.Testing;

/// <summary>
/// Tests that run CLI verbs inside the test process share one console, and Spectre.Console allows
/// one live display (progress bar) at a time: they run one after the other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessCli
{
    public const string Name = "CLI verbs in process";
}
