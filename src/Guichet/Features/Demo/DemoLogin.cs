namespace Guichet.Features.Demo;

public sealed record DemoLogin(string Email, string Password, string Role, string Team);
