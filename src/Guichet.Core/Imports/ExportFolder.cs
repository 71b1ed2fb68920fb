namespace Guichet.Core.Imports;

/// <summary>Where an export says a file is: only ever inside the export's own folder, and only if it is there.</summary>
public static class ExportFolder
{
    /// <returns>The file's full path, or null when the name is empty, malformed, climbs out of <paramref name="folder"/> or names nothing on disk.</returns>
    public static string? Inside(string folder, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, name));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
