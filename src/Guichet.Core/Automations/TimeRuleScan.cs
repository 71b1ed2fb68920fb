using System.Collections.Concurrent;

namespace Guichet.Core.Automations;

/// <summary>
/// Where each time rule's scan stopped on this node: a long backlog of cases whose conditions do not
/// hold yet is read a page range at a time, round and round, so newer cases are reached too. Only a
/// position, kept by the worker from one pass to the next; another node keeps its own.
/// </summary>
public sealed class TimeRuleScan
{
    private readonly ConcurrentDictionary<long, long> _scannedTo = new();

    /// <summary>The case id after which the rule's next scan starts (0: from the beginning).</summary>
    public long For(long ruleId) => _scannedTo.GetValueOrDefault(ruleId);

    public void Stopped(long ruleId, long after) => _scannedTo[ruleId] = after;
}
