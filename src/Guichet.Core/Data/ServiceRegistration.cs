using Guichet.Core.Cases;
using Guichet.Core.Promises;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Core.Data;

public static class ServiceRegistration
{
    /// <summary>The operations the web UI, the API, the workers and the CLI all call.</summary>
    public static IServiceCollection AddCaseOperations(this IServiceCollection services) => services
        .AddScoped<OpenCase>()
        .AddScoped<PostMessage>()
        .AddScoped<AddNote>()
        .AddScoped<AssignCase>()
        .AddScoped<ChangeCaseStatus>()
        .AddScoped<TransferCase>()
        .AddScoped<MakePromise>()
        .AddScoped<KeepPromise>()
        .AddScoped<RenegotiatePromise>()
        .AddScoped<PromiseWatcher>()
        .AddScoped<Surveys.SurveyRounds>()
        .AddScoped<Surveys.AnswerSurvey>()
        .AddScoped<Journeys.RunJourneys>()
        .AddScoped<Journeys.SaveJourney>()
        .AddScoped<ApproveCeiling>()
        .AddScoped<Teams.ChangeTeam>()
        .AddScoped<Agents.ChangeAgent>()
        .AddScoped<Agents.AddAgent>()
        .AddScoped<Agents.CheckSignIn>()
        .AddScoped<Customers.EraseCustomer>()
        .AddScoped<Cases.CaseRetention>()
        .AddScoped<Agents.IssueApiToken>()
        .AddScoped<Agents.RevokeApiToken>()
        .AddScoped<Routing.SetRoutingRules>()
        .AddScoped<Incidents.DeclareCrisis>()
        .AddScoped<Goodwill.GrantGoodwill>()
        .AddScoped<Goodwill.DecideGoodwill>()
        .AddScoped<Goodwill.SetCompensationPolicy>()
        .AddScoped<Goodwill.Retention>()
        .AddScoped<Incidents.ReachAffected>()
        .AddScoped<Incidents.DeclareIncident>()
        .AddScoped<Goodwill.SetGoodwillBudget>()
        .AddScoped<Replies.SaveTemplate>()
        .AddScoped<Replies.RemoveTemplate>()
        .AddScoped<Replies.PreviewTemplate>()
        .AddScoped<Knowledge.SaveArticle>()
        .AddScoped<Knowledge.Search>()
        .AddScoped<Phone.LogCall>()
        .AddScoped<Portal.ContactFromPortal>()
        .AddScoped<Portal.PortalCase>()
        .AddScoped<Social.ReceiveSocialEvent>()
        .AddScoped<Customers.MergeCustomers>()
        .AddScoped<Customers.AddAsset>()
        .AddScoped<Customers.ImportCustomers>()
        .AddScoped<MergeCases>()
        .AddScoped<Chat.ChatConversation>()
        .AddScoped<ModelRows>()
        .AddScoped<Email.ReceiveEmail>()
        .TryAddDefaultMailIntakeSettings();

    private static IServiceCollection TryAddDefaultMailIntakeSettings(this IServiceCollection services)
    {
        services.TryAddSingleton(new Email.MailIntakeSettings());
        services.TryAddSingleton(new Social.ModerationCharter());
        services.TryAddSingleton<Chat.IChatRelay, Chat.NoChatRelay>();
        return services;
    }
}
