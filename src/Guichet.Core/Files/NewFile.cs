namespace Guichet.Core.Files;

/// <summary>A file as it arrives from a form or the API: its sender's name and its bytes.</summary>
public sealed record NewFile(string? FileName, byte[] Content);
