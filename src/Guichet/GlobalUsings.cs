// The host's plumbing, used by every feature: composition, web helpers, authentication, shared UI pieces.
global using Guichet.Hosting;
global using Guichet.Hosting.Auth;
global using Guichet.Hosting.Web;
global using Guichet.Components.Shared;
