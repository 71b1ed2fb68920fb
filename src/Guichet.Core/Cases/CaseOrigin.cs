namespace Guichet.Core.Cases;

/// <summary>Who started a case: every figure of SPEC M counts only the cases customers opened.</summary>
public enum CaseOrigin
{
    /// <summary>A customer wrote, called, chatted or posted.</summary>
    Contact,
    /// <summary>The company reached a customer who had not written (an incident, G3).</summary>
    Outreach,
    /// <summary>A synthetic customer of a test journey (M5): shown to agents, left out of every other figure.</summary>
    TestJourney,
}
