using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Chat;
using Guichet.Core.Customers;
using Guichet.Core.Data;
using Guichet.Core.Email;
using Guichet.Core.Goodwill;
using Guichet.Core.Incidents;
using Guichet.Core.Imports;
using Guichet.Core.Journeys;
using Guichet.Core.Knowledge;
using Guichet.Core.Phone;
using Guichet.Core.Portal;
using Guichet.Core.Promises;
using Guichet.Core.Replies;
using Guichet.Core.Automations;
using Guichet.Core.Routing;
using Guichet.Core.Social;
using Guichet.Core.Surveys;
using Guichet.Core.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Core;

/// <summary>Every capability of the core, each registering its own operations (the server and the CLI both call this).</summary>
public static class GuichetCore
{
    public static IServiceCollection AddGuichetCore(this IServiceCollection services) => services
        .AddScoped<ModelRows>()
        .AddCases()
        .AddPromises()
        .AddEmail()
        .AddCustomers()
        .AddAgents()
        .AddTeams()
        .AddRouting()
        .AddReplies()
        .AddKnowledge()
        .AddIncidents()
        .AddGoodwill()
        .AddSurveys()
        .AddJourneys()
        .AddPhone()
        .AddPortal()
        .AddSocial()
        .AddChat()
        .AddAutomations()
        .AddImports();
}
