using System.Net.Http.Json;
using System.Text.Json;
using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;

namespace Kaifan.Tests.Catalog;

/// <summary>Shortcuts for the catalog tests: the seeded shops' ids, the menu as JSON, and a Shanghai wall clock.</summary>
internal static class CatalogTestKit
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Wednesday 2 December 2026 at the given Shanghai time; Thursday is one day later.</summary>
    public static void SetShanghaiTime(this KaifanApp app, DayOfWeek day, int hour, int minute = 0)
    {
        var wednesday = new DateTime(2026, 12, 2);
        var date = wednesday.AddDays(((int)day - (int)DayOfWeek.Wednesday + 7) % 7);
        app.Clock.AdjustTime(new DateTimeOffset(date.AddHours(hour).AddMinutes(minute), Shanghai).ToUniversalTime());
    }

    public static Guid Merchant(int n) => DemoCampus.MerchantId(n);

    public static Guid Zone(int n) => DemoCampus.ZoneId(n);

    public static Guid Item(int merchant, int index) => Kaifan.Catalog.Demo.DemoMenu.ItemId(merchant, index);

    public static async Task<JsonElement> Json(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<JsonElement> Menu(this HttpClient client, int merchant) => client.Json($"/api/merchants/{Merchant(merchant)}/menu");

    public static IEnumerable<JsonElement> Items(this JsonElement menu) =>
        menu.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray());

    public static JsonElement? FindItem(this JsonElement menu, Guid id) =>
        menu.Items().Where(i => i.GetProperty("id").GetGuid() == id).Cast<JsonElement?>().FirstOrDefault();
}
