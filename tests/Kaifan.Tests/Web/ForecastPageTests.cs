using Kaifan.BuildingBlocks;
using Kaifan.Tests.Infrastructure;
using Kaifan.Tests.Insights;
using Microsoft.Playwright;

namespace Kaifan.Tests.Web;

/// <summary>The operator opens the forecast page from the ops console: every zone has its chart, the next two hours and a
/// staffing badge, and a retrain runs to ready on the fresh campus (too little history: the best baseline ships); then
/// they upload ten weeks of the station's past orders, and the retrained model ships.</summary>
[Collection(BrowserCollections.Consoles)]
public sealed class ForecastPageTests(LunchtimeSqliteApp app) : BrowserTests(app), IClassFixture<LunchtimeSqliteApp>
{
    [Fact]
    public async Task the_operator_sees_each_zones_forecast_and_retrains_the_model()
    {
        await PlacePaidOrderAsync(await TokenAsync(DemoCampus.CustomerPhone(5)));
        await using var context = await Browser.DesktopAsync(Chromium, BaseAddress);
        var ops = await context.NewPageAsync();
        // Subscribed before the page opens: the browser starts intercepting file dialogs when a first listener is
        // added, a message Playwright sends without waiting, so a listener added just before the click could miss it.
        var choosers = System.Threading.Channels.Channel.CreateUnbounded<IFileChooser>();
        ops.FileChooser += (_, chooser) => choosers.Writer.TryWrite(chooser);
        await SignInAsync(ops, "/ops/login", DemoCampus.OperatorPhone);
        await ops.Locator("[data-testid=nav-forecast]").ClickAsync();

        var page = ops.Locator("[data-testid=forecast]");
        await ExpectLiveAsync(ops, page);
        (await ops.Locator("[data-testid=forecast-zone]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var zone = ops.Locator("[data-testid=forecast-zone]").First;
        await Expect(zone.Locator("[data-testid=forecast-hour]")).ToHaveCountAsync(2);
        await Expect(zone.Locator("[data-testid=forecast-staffing]")).ToContainTextAsync("需要骑手");
        await Expect(zone.Locator("svg").First).ToBeVisibleAsync();

        var state = ops.Locator("[data-testid=forecast-state]");
        await Expect(state).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        var startedBefore = await state.GetAttributeAsync("data-started");
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // so the retrain's start time differs from the first run's
        await ops.Locator("[data-testid=forecast-retrain]").ClickAsync();
        await Expect(state).Not.ToHaveAttributeAsync("data-started", startedBefore ?? "", new() { Timeout = 20_000 });
        await Expect(state).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await Expect(state).ToHaveTextAsync("已就绪");
        var shipped = ops.Locator("[data-testid=forecast-shipped]");
        (await shipped.GetAttributeAsync("data-shipped")).ShouldNotBe("model");

        // A file with two bad lines: nothing imported, and the operator sees both lines named, not only the first.
        var bad = Path.Combine(Path.GetTempPath(), $"kaifan-history-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "北区,2026-01-01 11:00,3\n东区,2026-01-01 11:30,3\n");
        // The native input reads "Choose File" in the browser's language: it hides behind a label in the page's.
        var input = ops.Locator("[data-testid=history-file]");
        var chooseFile = ops.Locator("[data-testid=history-file-button]");
        var fileName = ops.Locator("[data-testid=history-file-name]");
        await Expect(chooseFile).ToHaveTextAsync("选择文件");
        await Expect(fileName).ToHaveTextAsync("未选择文件");
        await Expect(ops.GetByLabel("选择文件")).ToHaveAttributeAsync("data-testid", "history-file");
        (await input.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(1);
        try
        {
            await chooseFile.ClickAsync();
            var chooser = await NextAsync(choosers);
            await chooser.SetFilesAsync(bad);
            await Expect(fileName).ToHaveTextAsync(Path.GetFileName(bad));
            await Expect(ops.Locator("[data-testid=history-result]")).ToContainTextAsync("未导入", new() { Timeout = 20_000 });
            await Expect(ops.Locator("[data-testid=history-problems] li")).ToHaveCountAsync(2);
        }
        finally
        {
            File.Delete(bad);
        }

        var last = DemandCsv.LastCompleteHour(app.Clock.GetUtcNow());
        var file = Path.Combine(Path.GetTempPath(), $"kaifan-history-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "zone,hour,orders\n" + DemandCsv.Days(last, 70, "东区") + DemandCsv.Days(last, 70, "西区", scale: 0.5, seed: 6));
        try
        {
            // From the keyboard: the hidden input still takes focus, and Space opens the dialog.
            await Expect(input).ToBeEnabledAsync();
            await input.FocusAsync();
            await Expect(input).ToBeFocusedAsync();
            await ops.Keyboard.PressAsync("Space");
            var chooser = await NextAsync(choosers);
            await chooser.SetFilesAsync(file);
            await Expect(fileName).ToHaveTextAsync(Path.GetFileName(file));
            await Expect(ops.Locator("[data-testid=history-result]")).ToContainTextAsync("已导入", new() { Timeout = 20_000 });
        }
        finally
        {
            File.Delete(file);
        }
        await Expect(ops.Locator("[data-testid=history-zone]")).ToHaveCountAsync(2);
        await Expect(ops.Locator("[data-testid=history-zone]").First).ToHaveAttributeAsync("data-hours", (70 * 24).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(shipped).ToHaveAttributeAsync("data-shipped", "model", new() { Timeout = 60_000 });
        await Expect(state).ToHaveAttributeAsync("data-state", "ready");
        // Lunch needs riders and none is online: nobody idle to move, so the console asks for more.
        await Expect(ops.Locator("[data-testid=forecast-call-in]")).ToContainTextAsync("东区 +");
        await Browser.ScreenshotAsync(ops, "ops-forecast", zone.Locator("svg"));
    }

    private static async Task<IFileChooser> NextAsync(System.Threading.Channels.Channel<IFileChooser> choosers)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await choosers.Reader.ReadAsync(timeout.Token);
    }
}
