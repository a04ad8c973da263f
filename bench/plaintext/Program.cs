// Kestrel plaintext ceiling: the least an ASP.NET Core app can do per request.
// bench/run.sh starts it with --urls http://127.0.0.1:5099 and loads it with wrk.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
app.Run();
