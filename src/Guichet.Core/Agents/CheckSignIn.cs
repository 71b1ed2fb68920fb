using Guichet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Core.Agents;

/// <summary>What a sign-in attempt comes to: the person, a wrong email or password, or an account locked until a time.</summary>
public sealed record SignInOutcome(Agent? Agent, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Agent is not null;
}

/// <summary>
/// Checks an email and password, and locks the account for a while after repeated failures
/// (issue 10), so a password cannot be guessed one try after another. While it is locked even the
/// right password is refused; a success resets the count. The rate limiter in front of the sign-in
/// form slows guessing across accounts.
/// </summary>
public sealed class CheckSignIn(GuichetDb db, TimeProvider clock)
{
    public const int MaxFailures = 5;

    /// <summary>Checked against when there is no account, or it is locked: the verifier gives it a decoy hash.</summary>
    public static readonly Agent Nobody = new() { Email = "", Name = "" };
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public async Task<SignInOutcome> RunAsync(string? email, string? password, Func<Agent, string, bool> verify, CancellationToken ct = default)
    {
        var agent = await ActiveAccountAsync(db, email, ct);
        if (agent is null)
        {
            // As slow as a real check: the time taken must not tell who has an account (issue 21).
            verify(Nobody, password ?? "");
            return new SignInOutcome(null, null);
        }
        var now = clock.GetUtcNow();
        if (agent.LockedUntil is { } until && until > now)
        {
            verify(Nobody, password ?? "");
            return new SignInOutcome(null, until);
        }
        if (agent.PasswordHash.Length > 0 && password is not null && verify(agent, password))
        {
            agent.FailedSignIns = 0;
            agent.LockedUntil = null;
            await db.SaveChangesAsync(ct);
            return new SignInOutcome(agent, null);
        }
        agent.FailedSignIns++;
        if (agent.FailedSignIns >= MaxFailures)
        {
            agent.FailedSignIns = 0;
            agent.LockedUntil = now + Lockout;
        }
        await db.SaveChangesAsync(ct);
        return new SignInOutcome(null, agent.LockedUntil > now ? agent.LockedUntil : null);
    }

    /// <summary>The active account with this email, however it is spelled (emails are stored trimmed and lower-case); also what single sign-on admits.</summary>
    public static Task<Agent?> ActiveAccountAsync(GuichetDb db, string? email, CancellationToken ct)
    {
        var normalised = (email ?? "").Trim().ToLowerInvariant();
        return db.Agents.FirstOrDefaultAsync(a => a.Email == normalised && a.Active, ct);
    }
}
