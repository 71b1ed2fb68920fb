namespace Guichet.Core.Agents;

/// <summary>
/// What a person may do (issue 10). Each role can do what the one above it in this list can,
/// except the auditor, who reads everything and changes nothing.
/// </summary>
public enum AgentRole
{
    Agent,
    Lead,
    Manager,
    Admin,
    Auditor,
}
