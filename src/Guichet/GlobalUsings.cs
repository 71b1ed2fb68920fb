// The host's plumbing, used by every feature: composition, web helpers, authentication, shared UI pieces.
global using Guichet.Hosting;
global using Guichet.Hosting.Auth;
global using Guichet.Hosting.Web;
global using Guichet.Components.Shared;

// The workspace words of each feature are French in the neutral resources, English in the "en" ones.
[assembly: System.Resources.NeutralResourcesLanguage("fr")]
