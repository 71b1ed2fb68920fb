using Microsoft.AspNetCore.Antiforgery;

namespace Guichet.Hosting.Web;

/// <summary>
/// Every state-changing form post of the workspace carries the antiforgery token, fields or no
/// fields (issue 21): the framework's middleware checks each post it is told to, and this refuses
/// the post it found invalid before the handler runs, where a handler without form fields would
/// never have asked. Applied to a whole group, so a new form cannot forget it.
/// </summary>
public static class FormPostsChecked
{
    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute(required: true));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Invalid request", "__RequestVerificationToken",
                    "This form was not sent from a Guichet page (its antiforgery token is missing or wrong): reload the page and send it again.");
            }
            return await next(context);
        });
        return builder;
    }
}
