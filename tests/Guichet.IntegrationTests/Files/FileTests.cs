using System.Net;
using Guichet.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.IntegrationTests.Files;

/// <summary>
/// Issue 26 (W9): files go with replies (uploaded first, or already on the case), judged by their
/// content within the team's limit; a bad file is refused by name and nothing is stored half-way.
/// Copied people are kept and replaced by the reply's list; a message splits into a case of its own.
/// </summary>
public abstract class FileTests(GuichetServer server)
{
    [Fact]
    public async Task Uploaded_files_and_a_file_already_on_the_case_go_with_a_reply_and_download_as_sent()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"fichiers.{Guid.NewGuid():N}@example.fr"));
        var caseId = opened.Str("id");
        var photo = SampleFiles.Jpeg();
        // Named .png, it is a JPEG: the type stored is the content's.
        var (uploaded, files) = await SampleFiles.UploadAsync(server.Api, caseId, ("pompe.png", photo), ("bon de livraison.pdf", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(["image/jpeg", "application/pdf"], files.AsArray().Select(f => f!.Str("contentType")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), files.Str("0.sha256"));

        var (sent, message) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new
        {
            direction = "out",
            body = "Bonjour, voici la photo de la pompe et le bon de livraison.",
            files = files.AsArray().Select(f => long.Parse(f!.Str("id"), System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(["pompe.png", "bon de livraison.pdf"], message["attachments"]!.AsArray().Select(a => a!.Str("fileName")));
        using var download = await server.Api.GetAsync(message.Str("attachments.0.url"), TestContext.Current.CancellationToken);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);

        // Sent on again: the same bytes, not a copy.
        var (again, forwarded) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new
        {
            direction = "out",
            body = "Je vous renvoie la photo.",
            attachments = new[] { long.Parse(message.Str("attachments.0.id"), System.Globalization.CultureInfo.InvariantCulture) },
        });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("pompe.png", forwarded.Str("attachments.0.fileName"));
        Assert.Equal(2, await server.ReadDbAsync(db => db.Files.CountAsync(f => f.CaseId == long.Parse(caseId))));

        // Another case's file cannot be sent from here.
        var (_, other) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"autre.{Guid.NewGuid():N}@example.fr"));
        (await server.Api.PostJsonAsync($"/api/cases/{other.Str("id")}/messages", new { direction = "out", body = "Tenez.", files = new[] { long.Parse(files.Str("0.id")) } })).AssertProblemNames(400, "files");
        (await server.Api.PostJsonAsync($"/api/cases/{other.Str("id")}/messages", new { direction = "out", body = "Tenez.", attachments = new[] { long.Parse(message.Str("attachments.0.id")) } })).AssertProblemNames(400, "attachments");
    }

    [Fact]
    public async Task A_bad_file_is_refused_by_name_and_nothing_of_the_upload_is_stored()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"refus.{Guid.NewGuid():N}@example.fr"));
        var caseId = opened.Str("id");
        var before = await server.ReadDbAsync(db => db.Files.CountAsync());
        // One good file beside each bad one: the good one is not kept either.
        var good = ("photo.jpg", SampleFiles.Jpeg());
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("photo.jpg", SampleFiles.Program()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("facture.exe", SampleFiles.Pdf()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("page.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("../../etc/passwd.pdf", SampleFiles.Pdf()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("C:\\Users\\x\\a.pdf", SampleFiles.Pdf()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("bell\u0007.pdf", SampleFiles.Pdf()))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("vide.pdf", []))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId, good, ("binaire.dat", [0, 1, 2, 3, 0, 5]))).AssertProblemNames(400, "files[1]");
        (await SampleFiles.UploadAsync(server.Api, caseId)).AssertProblemNames(400, "files");
        using (var notMultipart = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
        {
            using var refused = await server.Api.PostAsync($"/api/cases/{caseId}/files", notMultipart, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        }

        // Over the team's limit, together: refused, and the limit is the team's to set.
        var (_, team) = await server.Api.GetJsonAsync("/api/teams");
        var slug = team.AsArray().First(t => t!.Str("isDefault") == "true")!.Str("slug");
        (await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = 5 })).AssertProblemNames(400, "attachmentLimitBytes");
        (await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = "many" })).AssertProblemNames(400, "attachmentLimitBytes");
        var (limited, changed) = await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = 10_000 });
        Assert.Equal(("200", "10000"), (((int)limited.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), changed.Str("attachmentLimitBytes")));
        try
        {
            (await SampleFiles.UploadAsync(server.Api, caseId, ("a.jpg", SampleFiles.Jpeg(6_000)), ("b.jpg", SampleFiles.Jpeg(6_000)))).AssertProblemNames(400, "files");
        }
        finally
        {
            await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = 7_000_000 });
        }
        Assert.Equal(before, await server.ReadDbAsync(db => db.Files.CountAsync()));
    }

    [Fact]
    public async Task A_reply_copies_the_cases_people_and_its_list_replaces_them_while_a_blind_copy_stays_with_the_reply()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"copies.{Guid.NewGuid():N}@example.fr"));
        var caseId = opened.Str("id");
        var (first, copied) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Bonjour, je mets votre collègue en copie.", cc = new[] { "Ana Collègue <Ana@Example.fr>", "b@example.fr" }, bcc = new[] { "chef@example.fr" } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["ana@example.fr", "b@example.fr"], copied["cc"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("chef@example.fr", copied.Str("bcc.0"));
        // Without a list, the case's people are copied again; the blind copy is not.
        var (_, second) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Suite de votre demande." });
        Assert.Equal(["ana@example.fr", "b@example.fr"], second["cc"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(second["bcc"]);
        // An empty list takes everyone off.
        var (_, third) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "Réponse à vous seul.", cc = Array.Empty<string>() });
        Assert.Null(third["cc"]);
        Assert.Equal("", await server.ReadDbAsync(db => db.Cases.Where(c => c.Id == long.Parse(caseId)).Select(c => c.Copied).SingleAsync()));
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "x", cc = new[] { "pas une adresse" } })).AssertProblemNames(400, "cc");
        // Valid mail, but it would split the list: refused by name, as is a list too long to keep.
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "x", cc = new[] { "\"a,b\"@example.fr" } })).AssertProblemNames(400, "cc");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "out", body = "x", bcc = Enumerable.Range(0, 10).Select(i => new string('x', 240) + $"{i}@example.fr").ToArray() })).AssertProblemNames(400, "bcc");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "in", body = "x", bcc = new[] { "a@example.fr" } })).AssertProblemNames(400, "bcc");
    }

    [Fact]
    public async Task A_message_about_another_problem_splits_into_a_case_of_its_own_with_its_promise_and_both_point_to_each_other()
    {
        server.SkipIfUnavailable();
        var (_, opened) = await server.Api.PostJsonAsync("/api/cases", Contacts.French($"split.{Guid.NewGuid():N}@example.fr"));
        var caseId = opened.Str("id");
        var (_, second) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "in", body = "Autre chose : ma carte de fidélité ne marche plus." });
        await server.Api.PostJsonAsync($"/api/cases/{caseId}/messages", new { direction = "in", body = "Et elle a expiré hier." });
        // The whole case cannot be split off itself.
        var (_, before) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        var firstContact = before["messages"]!.AsArray().First(m => m!.Str("kind") == "contact")!.Str("id");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/split", new { messageId = long.Parse(firstContact), following = true })).AssertProblemNames(409, "messageId");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/split", new { messageId = long.Parse(before["messages"]!.AsArray().First(m => m!.Str("kind") == "acknowledgment")!.Str("id")) })).AssertProblemNames(400, "messageId");
        (await server.Api.PostJsonAsync($"/api/cases/{caseId}/split", new { })).AssertProblemNames(400, "messageId");

        var (split, created) = await server.Api.PostJsonAsync($"/api/cases/{caseId}/split", new { messageId = long.Parse(second.Str("id")), following = true });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var newId = created.Str("id");
        var (_, moved) = await server.Api.GetJsonAsync($"/api/cases/{newId}");
        var (_, kept) = await server.Api.GetJsonAsync($"/api/cases/{caseId}");
        Assert.Equal(2, moved["messages"]!.AsArray().Count(m => m!.Str("kind") == "contact"));
        Assert.Equal(1, kept["messages"]!.AsArray().Count(m => m!.Str("kind") == "contact"));
        // Its own first-response promise, stated to the customer with the new reference.
        Assert.Contains(moved["promises"]!.AsArray(), p => p!.Str("kind") == "firstResponse" && p!.Str("state") == "open");
        Assert.Contains(moved["messages"]!.AsArray(), m => m!.Str("kind") == "acknowledgment" && m!.Str("body").Contains(created.Str("reference"), StringComparison.Ordinal));
        Assert.Equal(opened.Str("customer.id"), created.Str("customer.id"));
        Assert.Contains(kept["events"]!.AsArray(), e => e!.Str("kind") == "splitInto" && e!.Str("to") == created.Str("reference"));
        Assert.Contains(moved["events"]!.AsArray(), e => e!.Str("kind") == "splitFrom" && e!.Str("from") == opened.Str("reference"));
    }
}

public abstract class CustomerFileTests(GuichetServer server)
{
    /// <summary>The portal's form judges files before anything is written, and the team's limit once the case is routed: over it, no case stays.</summary>
    [Fact]
    public async Task A_portal_message_whose_files_are_refused_leaves_nothing_behind_and_a_good_one_keeps_them()
    {
        server.SkipIfUnavailable();
        var email = $"portail.{Guid.NewGuid():N}@example.fr";
        var form = new Core.Portal.PortalContact("Paul Portail", email, "fr", "Photo de la pompe", "Bonjour, voici la photo.");
        async Task<Core.Result<Core.Portal.ContactFromPortal.Opened>> SendAsync(params Core.Files.NewFile[] files)
        {
            await using var scope = server.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Core.Portal.ContactFromPortal>().RunAsync(form, "https://aide.example.fr", files, TestContext.Current.CancellationToken);
        }
        var program = await SendAsync(new Core.Files.NewFile("photo.jpg", SampleFiles.Program()));
        Assert.Equal(["files[0]"], program.Failure!.Errors.Keys);
        var (_, teams) = await server.Api.GetJsonAsync("/api/teams");
        var slug = teams.AsArray().First(t => t!.Str("isDefault") == "true")!.Str("slug");
        await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = 10_000 });
        try
        {
            var heavy = await SendAsync(new Core.Files.NewFile("grande.jpg", SampleFiles.Jpeg(20_000)));
            Assert.Equal(["files"], heavy.Failure!.Errors.Keys);
        }
        finally
        {
            await server.Api.PatchJsonAsync($"/api/teams/{slug}", new { attachmentLimitBytes = 7_000_000 });
        }
        Assert.False(await server.ReadDbAsync(db => db.CustomerIdentities.AnyAsync(i => i.Value == email)));

        var sent = await SendAsync(new Core.Files.NewFile("pompe.jpg", SampleFiles.Jpeg()));
        Assert.True(sent.Succeeded);
        Assert.Equal("image/jpeg", await server.ReadDbAsync(db => db.Attachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.CaseId == sent.Value.CaseId)).Select(a => a.ContentType).SingleAsync()));
    }

    /// <summary>The chat widget's upload: a file alone is a message, each file opens at a sealed link, a forged one opens nothing.</summary>
    [Fact]
    public async Task A_chat_visitor_sends_a_photo_alone_and_reads_it_back_at_a_link_nobody_can_forge()
    {
        server.SkipIfUnavailable();
        var visitor = Guid.NewGuid().ToString("N");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(visitor), "visitor" },
            { new StringContent("fr"), "language" },
            { new ByteArrayContent(SampleFiles.Jpeg()), "file", "skimmer.jpg" },
        };
        using var anonymous = new HttpClient { BaseAddress = server.Api.BaseAddress };
        using var sent = await anonymous.PostAsync("/chat/files", form, TestContext.Current.CancellationToken);
        var body = await ApiJson.ReadAsync(sent);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var line = body["lines"]!.AsArray().First(l => l!.Str("direction") == "in")!;
        Assert.Equal("skimmer.jpg", line.Str("body"));
        var url = line.Str("files.0.url");
        using var read = await anonymous.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(SampleFiles.Jpeg(), await read.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var forged = await anonymous.GetAsync("/chat/files/CfDJ8" + new string('A', 60), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        using var bad = new MultipartFormDataContent { { new StringContent(visitor), "visitor" }, { new ByteArrayContent(SampleFiles.Program()), "file", "photo.jpg" } };
        using var refused = await anonymous.PostAsync("/chat/files", bad, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ApiJson.ReadAsync(refused))["errors"]!.AsObject().ContainsKey("files[0]"));
        using var empty = new MultipartFormDataContent { { new StringContent(visitor), "visitor" } };
        using var nothing = await anonymous.PostAsync("/chat/files", empty, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }
}

public sealed class CustomerFilesOnSqlite(SqliteServer server) : CustomerFileTests(server), IClassFixture<SqliteServer>;
public sealed class CustomerFilesOnPostgres(PostgresServer server) : CustomerFileTests(server), IClassFixture<PostgresServer>;

public sealed class FilesOnSqlite(SqliteServer server) : FileTests(server), IClassFixture<SqliteServer>;
public sealed class FilesOnPostgres(PostgresServer server) : FileTests(server), IClassFixture<PostgresServer>;
