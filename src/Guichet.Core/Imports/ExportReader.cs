namespace Guichet.Core.Imports;

/// <summary>
/// Reads one tool's export (a folder or a file) into <see cref="ImportRecord"/>s, in the order their
/// references need (see <see cref="ImportRecord"/>), streaming: a million tickets are never held at once.
/// A record it cannot read becomes a <see cref="RefusedRecord"/> and the reading goes on.
/// </summary>
public abstract class ExportReader
{
    /// <summary>The source's name, as external ids are kept under it: "zendesk", "zammad", "freshdesk", "csv".</summary>
    public abstract string Source { get; }

    /// <summary>How far the reading is, 0 to 1 (by bytes or by tickets, as the reader knows best).</summary>
    public double Done { get; protected set; }

    public abstract IAsyncEnumerable<ImportRecord> ReadAsync(CancellationToken ct);
}
