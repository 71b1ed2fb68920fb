namespace Guichet.Hosting.Web;

/// <summary>
/// Where features map their endpoints: the application, the API group (/api, signed in, described
/// in OpenAPI) and the workspace's form posts (/ui, signed in, not described).
/// </summary>
public sealed record GuichetRoutes(WebApplication App, RouteGroupBuilder Api, RouteGroupBuilder Ui);
