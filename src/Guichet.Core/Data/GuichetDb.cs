using Guichet.Core.Agents;
using Guichet.Core.Cases;
using Guichet.Core.Customers;
using Guichet.Core.Promises;
using Guichet.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Data;

/// <summary>
/// The one model. Each provider has a subclass that owns its migrations
/// (<see cref="SqliteGuichetDb"/>, <see cref="PostgresGuichetDb"/>); code depends on this type.
/// </summary>
public abstract class GuichetDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerIdentity> CustomerIdentities => Set<CustomerIdentity>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Cases.Tags.CaseTag> CaseTags => Set<Cases.Tags.CaseTag>();
    public DbSet<Cases.Views.View> Views => Set<Cases.Views.View>();
    public DbSet<Cases.Macros.Macro> Macros => Set<Cases.Macros.Macro>();
    public DbSet<Cases.Bulk.BulkJob> BulkJobs => Set<Cases.Bulk.BulkJob>();
    public DbSet<Cases.Bulk.BulkJobItem> BulkJobItems => Set<Cases.Bulk.BulkJobItem>();
    public DbSet<Cases.Fields.FieldDefinition> FieldDefinitions => Set<Cases.Fields.FieldDefinition>();
    public DbSet<Cases.Fields.FieldValue> FieldValues => Set<Cases.Fields.FieldValue>();
    public DbSet<Customers.Organisations.Organisation> Organisations => Set<Customers.Organisations.Organisation>();
    public DbSet<Customers.Organisations.OrganisationDomain> OrganisationDomains => Set<Customers.Organisations.OrganisationDomain>();
    public DbSet<Customers.Organisations.Membership> Memberships => Set<Customers.Organisations.Membership>();
    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();
    public DbSet<OrganisationTag> OrganisationTags => Set<OrganisationTag>();
    public DbSet<CustomerFieldValue> CustomerFieldValues => Set<CustomerFieldValue>();
    public DbSet<OrganisationFieldValue> OrganisationFieldValues => Set<OrganisationFieldValue>();
    public DbSet<Promise> Promises => Set<Promise>();
    public DbSet<PromiseRenegotiation> PromiseRenegotiations => Set<PromiseRenegotiation>();
    public DbSet<PromiseTally> PromiseTallies => Set<PromiseTally>();
    public DbSet<Metrics.FigureRollup> FigureRollups => Set<Metrics.FigureRollup>();
    public DbSet<Metrics.FigureDirtyDay> FigureDirtyDays => Set<Metrics.FigureDirtyDay>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Email.InboundEmail> InboundEmails => Set<Email.InboundEmail>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Files.StoredFile> Files => Set<Files.StoredFile>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();
    public DbSet<Webhooks.WebhookCursor> WebhookCursors => Set<Webhooks.WebhookCursor>();
    public DbSet<Automations.Rule> Rules => Set<Automations.Rule>();
    public DbSet<Automations.RuleRun> RuleRuns => Set<Automations.RuleRun>();
    public DbSet<ServiceLevels.ServicePolicy> ServicePolicies => Set<ServiceLevels.ServicePolicy>();
    public DbSet<Phone.PhoneCall> PhoneCalls => Set<Phone.PhoneCall>();
    public DbSet<Portal.PortalAccess> PortalAccesses => Set<Portal.PortalAccess>();
    public DbSet<Social.SocialPost> SocialPosts => Set<Social.SocialPost>();
    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();
    public DbSet<CustomerAsset> CustomerAssets => Set<CustomerAsset>();
    public DbSet<Replies.ReplyTemplate> ReplyTemplates => Set<Replies.ReplyTemplate>();
    public DbSet<Knowledge.Article> Articles => Set<Knowledge.Article>();
    public DbSet<Routing.RoutingRule> RoutingRules => Set<Routing.RoutingRule>();
    public DbSet<Incidents.Crisis> Crises => Set<Incidents.Crisis>();
    public DbSet<Goodwill.CompensationRule> CompensationRules => Set<Goodwill.CompensationRule>();
    public DbSet<Goodwill.GoodwillEntry> GoodwillEntries => Set<Goodwill.GoodwillEntry>();
    public DbSet<Goodwill.RetentionOffer> RetentionOffers => Set<Goodwill.RetentionOffer>();
    public DbSet<Incidents.Incident> Incidents => Set<Incidents.Incident>();
    public DbSet<Incidents.IncidentRecipient> IncidentRecipients => Set<Incidents.IncidentRecipient>();
    public DbSet<Incidents.IncidentList> IncidentLists => Set<Incidents.IncidentList>();
    public DbSet<Surveys.Survey> Surveys => Set<Surveys.Survey>();
    public DbSet<Imports.ImportedKey> ImportedKeys => Set<Imports.ImportedKey>();
    public DbSet<Imports.ImportRun> ImportRuns => Set<Imports.ImportRun>();
    public DbSet<Journeys.TestJourney> TestJourneys => Set<Journeys.TestJourney>();
    public DbSet<Journeys.JourneyRun> JourneyRuns => Set<Journeys.JourneyRun>();

    /// <summary>The teams' templates as this unit of work reads them (decision 0015).</summary>
    public Replies.TemplateBook TemplateBook => _templateBook ??= new Replies.TemplateBook(this);
    private Replies.TemplateBook? _templateBook;

    /// <summary>The active service levels (W8), read once per unit of work.</summary>
    public ServiceLevels.ServicePolicies ServiceLevels => _serviceLevels ??= new ServiceLevels.ServicePolicies(this);
    private ServiceLevels.ServicePolicies? _serviceLevels;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GuichetDb).Assembly);
    }
}
