using Guichet.Client;
using Guichet.Client.Models;
using Guichet.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Guichet.IntegrationTests.Hosting;

/// <summary>
/// Issue 25: an integrator generates a typed client from the OpenAPI document (here Kiota, from
/// docs/openapi.json at build time) and the README's API examples run through it unchanged:
/// answers typed, errors typed as problems naming their field, cursors and keys as parameters.
/// </summary>
public abstract class ApiClientTests(GuichetServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GuichetClient Client()
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: server.Api)
        {
            BaseUrl = server.BaseAddress.ToString().TrimEnd('/'),
        };
        return new GuichetClient(adapter);
    }

    [Fact]
    public async Task The_readmes_examples_run_through_a_generated_typed_client()
    {
        server.SkipIfUnavailable();
        var client = Client();
        var tag = "client-" + Guid.NewGuid().ToString("N")[..6];

        // README "The API": open a case as a contact would; the answer is the case with its reference, promise and acknowledgment.
        var opened = await client.Api.Cases.PostAsync(new OpenCaseRequest
        {
            Customer = new CustomerContact { Name = "Julie Petit", Email = $"julie.{tag}@example.fr", Language = "fr", TimeZone = "Europe/Paris" },
            Channel = "email",
            Subject = "Colis",
            Body = "Où est mon colis ?",
        }, cancellationToken: Ct);
        Assert.NotNull(opened);
        Assert.Matches(@"^G-\d{4}-\d{6}$", opened.Reference);
        Assert.Equal("open", Assert.Single(opened.Promises!).State);
        Assert.Contains("2026", opened.Acknowledgment!.Body);
        var id = opened.Id!.Value;

        // Tag it, reply through the send guard, make a promise and keep it.
        var tags = await client.Api.Cases[id].Tags.PostAsync(new TagCaseRequest { Add = [tag] }, cancellationToken: Ct);
        Assert.Equal([tag], tags!.Tags);
        var reply = await client.Api.Cases[id].Messages.PostAsync(new PostMessageRequest
        {
            Direction = "out",
            Channel = "email",
            Body = "Bonjour Julie, votre colis part demain ; nous vous écrivons dès qu'il est remis au transporteur.",
        }, cancellationToken: Ct);
        Assert.Equal("out", reply!.Direction);
        var promise = await client.Api.Cases[id].Promises.PostAsync(new MakePromiseRequest { What = "Rappeler Julie", DueInBusinessHours = 4 }, cancellationToken: Ct);
        var kept = await client.Api.Promises[promise!.Id!.Value].Keep.PostAsync(cancellationToken: Ct);
        Assert.Equal("kept", kept!.State);
        var counts = await client.Api.Metrics.Promises.GetAsync(cancellationToken: Ct);
        Assert.True(counts!.Kept >= 1);

        // The case as the README shows it, and the list with its filters and cursor.
        var read = await client.Api.Cases[id].GetAsync(cancellationToken: Ct);
        Assert.Equal(opened.Reference, read!.Reference);
        Assert.Contains(read.Messages!, m => m.Direction == "out");
        var second = await client.Api.Cases.PostAsync(new OpenCaseRequest
        {
            Customer = new CustomerContact { Name = "Marc Roy", Email = $"marc.{tag}@example.fr" }, Channel = "email", Subject = "Facture", Body = "Ma facture est fausse.",
        }, cancellationToken: Ct);
        await client.Api.Cases[second!.Id!.Value].Tags.PostAsync(new TagCaseRequest { Add = [tag] }, cancellationToken: Ct);
        var page = await client.Api.Cases.GetAsync(q => { q.QueryParameters.Tag = tag; q.QueryParameters.Sort = "newest"; q.QueryParameters.PageSize = 1; }, Ct);
        Assert.Equal(second.Id, Assert.Single(page!.Items!).Id);
        var next = await client.Api.Cases.GetAsync(q => { q.QueryParameters.Tag = tag; q.QueryParameters.Sort = "newest"; q.QueryParameters.PageSize = 1; q.QueryParameters.After = page.Next; }, Ct);
        Assert.Equal(id, Assert.Single(next!.Items!).Id);
        var teams = await client.Api.Teams.GetAsync(cancellationToken: Ct);
        Assert.Contains(teams!, t => t.IsDefault == true);

        // An error is typed too: a reply with a field left unfilled is refused by the send guard, naming the body.
        var refused = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Api.Cases[id].Messages.PostAsync(new PostMessageRequest
        {
            Direction = "out", Channel = "email", Body = "Bonjour {{ customer.name }}, votre remboursement de [MONTANT] est parti.",
        }, cancellationToken: Ct));
        Assert.Equal(422, refused.ResponseStatusCode);
        Assert.NotNull(refused.Errors);

        // The same creation sent twice with one key, as a retrying integration would: one case.
        var key = Guid.NewGuid().ToString();
        var request = new OpenCaseRequest { Customer = new CustomerContact { Name = "Léa Blanc", Email = $"lea.{tag}@example.fr" }, Channel = "email", Subject = "Retour", Body = "Je voudrais renvoyer un article." };
        var once = await client.Api.Cases.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key), Ct);
        var twice = await client.Api.Cases.PostAsync(request, c => c.Headers.Add("Idempotency-Key", key), Ct);
        Assert.Equal(once!.Id, twice!.Id);
    }
}

public sealed class ApiClientOnSqlite(SqliteServer server) : ApiClientTests(server), IClassFixture<SqliteServer>;
public sealed class ApiClientOnPostgres(PostgresServer server) : ApiClientTests(server), IClassFixture<PostgresServer>;
