using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jiayuan.Alerts.Contracts;
using Jiayuan.Alerts.Features.Escalation;
using Jiayuan.Alerts.Features.Responders;
using Jiayuan.Core.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Jiayuan.Alerts.Tests.AlertsApp))]
// The tests share one clock and move it (escalation deadlines): run them one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Jiayuan.Alerts.Tests;

/// <summary>The app on a loopback port (real WebSockets for the SignalR client); the escalation sweep runs only when a test calls it.</summary>
public sealed class AlertsApp : JiayuanApp
{
    public AlertsApp()
    {
        OnKestrel();
        With("Alerts:SweepSeconds", "0");
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    internal Task<int> SweepAsync() => Services.GetRequiredService<AlertEscalator>().SweepAsync();

    /// <summary>A new user with a grant at <paramref name="grantCode"/>, registered as a responder covering <paramref name="areaCodes"/>.</summary>
    public async Task<Person> ResponderAsync(string grantCode, string unit, DutyStatus duty = DutyStatus.OnDuty, Role role = Role.Responder, params string[] areaCodes)
    {
        var login = await CreateUserAsync(role, grantCode);
        var person = await PersonAsync(login);
        var areas = new List<long>();
        foreach (var code in areaCodes.Length > 0 ? areaCodes : [grantCode])
        {
            areas.Add(await PlaceIdAsync(code));
        }
        var response = await person.Http.PutAsJsonAsync("/api/v1/alerts/responders/me", new ResponderInput(unit, areas, duty), Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return person;
    }

    /// <summary>A client of the Kestrel address with the bearer token of <paramref name="login"/> (CreateClient points at http://localhost).</summary>
    public async Task<HttpClient> SignInAsync(string login, Uri? server = null)
    {
        var client = new HttpClient { BaseAddress = server ?? ServerAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login, password = DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<Person> PersonAsync(string login)
    {
        var http = await SignInAsync(login);
        return new Person(login, http, http.DefaultRequestHeaders.Authorization!.Parameter!, this);
    }

    public async Task<Person> ResidentAsync() => await PersonAsync(await CreateUserAsync(Role.Resident, Known.Xinyuan));

    public HubConnection Hub(string token, Uri? server = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(server ?? ServerAddress, "/hubs/alerts"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();
}

public sealed record Person(string Login, HttpClient Http, string Token, AlertsApp App)
{
    public async Task<AlertView> RaiseAsync(string placeCode, AlertKind kind = AlertKind.Fight, string text = "测试警情")
    {
        var response = await Http.PostAsJsonAsync("/api/v1/alerts", new { kind, placeId = await App.PlaceIdAsync(placeCode), text }, AlertsApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AlertView>(AlertsApp.Json))!;
    }

    /// <summary>Connects to the hub and records every message; applies the client rule "drop what is not newer than the last event id".</summary>
    public async Task<Console> ConnectAsync(Uri? server = null)
    {
        var console = new Console(App.Hub(Token, server));
        await console.StartAsync();
        return console;
    }
}

/// <summary>A hub client as a console page would be: it keeps the last event id and ignores anything older.</summary>
public sealed class Console(HubConnection connection) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(long EventId, AlertView? Raised, AlertUpdate? Updated)> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public HubConnection Connection => connection;
    public long LastEventId { get; private set; }

    public IReadOnlyList<(long EventId, AlertView? Raised, AlertUpdate? Updated)> Messages => [.. _messages];

    public async Task StartAsync()
    {
        connection.On<AlertView>("AlertRaised", a => Add(a.EventId, a, null));
        connection.On<AlertUpdate>("AlertUpdated", u => Add(u.EventId, null, u));
        await connection.StartAsync();
    }

    private void Add(long eventId, AlertView? raised, AlertUpdate? updated)
    {
        lock (_messages)
        {
            if (eventId <= LastEventId)
            {
                return;
            }
            LastEventId = eventId;
            _messages.Enqueue((eventId, raised, updated));
        }
        _arrived.Release();
    }

    /// <summary>Replays the missed messages through the same rule, in order.</summary>
    public async Task<IReadOnlyList<ResumeItem>> ResumeAsync(long lastEventId)
    {
        var items = await connection.InvokeAsync<IReadOnlyList<ResumeItem>>("Resume", lastEventId);
        foreach (var i in items)
        {
            Add(i.EventId, i.Raised, i.Updated);
        }
        return items;
    }

    /// <summary>Waits (up to 15 s) until a message matches.</summary>
    public async Task<(long EventId, AlertView? Raised, AlertUpdate? Updated)> WaitForAsync(Func<(long EventId, AlertView? Raised, AlertUpdate? Updated), bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var hit = _messages.FirstOrDefault(match);
            if (hit.EventId != 0)
            {
                return hit;
            }
            try
            {
                await _arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException("No matching message in 15 s; got: " + string.Join(", ", _messages.Select(m => m.EventId + ":" + (m.Raised?.Id ?? m.Updated?.AlertId) + (m.Updated?.Type.ToString() ?? "Raised"))));
            }
        }
    }

    public Task<(long EventId, AlertView? Raised, AlertUpdate? Updated)> RaisedAsync(long alertId) => WaitForAsync(m => m.Raised?.Id == alertId);

    public bool Got(long alertId) => _messages.Any(m => m.Raised?.Id == alertId || m.Updated?.AlertId == alertId);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
