namespace Guichet.Core.Agents;

public enum AgentRole
{
    Agent,
    Lead,
    Manager,
    Admin,
}
