// The SDK's internal areas, one namespace per folder under Internal/ (IDE0130 holds them there); every file may use any of them.
global using Chanjing.Sdk.Internal;
global using Chanjing.Sdk.Internal.Authentication;
global using Chanjing.Sdk.Internal.DependencyInjection;
global using Chanjing.Sdk.Internal.Diagnostics;
global using Chanjing.Sdk.Internal.Endpoints;
global using Chanjing.Sdk.Internal.Errors;
global using Chanjing.Sdk.Internal.Files;
global using Chanjing.Sdk.Internal.Http;
global using Chanjing.Sdk.Internal.Json;
global using Chanjing.Sdk.Internal.Pipeline;
global using Chanjing.Sdk.Internal.Products;
global using Chanjing.Sdk.Internal.Requests;
global using Chanjing.Sdk.Internal.Submits;
global using Chanjing.Sdk.Internal.Waiting;
