using Kaifan.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddKaifan();

var app = builder.Build();
app.UseKaifan();
await app.PrepareDatabasesAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
