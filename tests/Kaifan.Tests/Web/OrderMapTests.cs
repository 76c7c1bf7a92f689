using System.Globalization;
using Bunit;
using Kaifan.Web.Api;
using Kaifan.Web.Components.Customer;
using Kaifan.Web.Components.Customer.Parts;
using Kaifan.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Kaifan.Tests.Web;

/// <summary>The order page's map projection, its rider marker and the ETA line with its basis.</summary>
public sealed class OrderMapTests : BunitContext
{
    private static readonly GeoPlace Shop = new(31.0262, 121.4405);
    private static readonly GeoPlace Home = new(31.0238, 121.4431);

    public OrderMapTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
    }

    [Fact]
    public void the_projection_keeps_north_up_east_right_and_a_kilometre_as_long_either_way()
    {
        var box = MapProjection.Fit([Shop, Home], 320, 180);

        var shop = box.Project(Shop.Latitude, Shop.Longitude);
        var home = box.Project(Home.Latitude, Home.Longitude);
        home.X.ShouldBeGreaterThan(shop.X, "home lies east of the shop");
        home.Y.ShouldBeGreaterThan(shop.Y, "home lies south of the shop");

        var metresPerPixelNorth = new Kaifan.Contracts.GeoPoint(box.MinLat, box.MinLon).DistanceMetresTo(new(box.MaxLat, box.MinLon)) / 180;
        var metresPerPixelEast = new Kaifan.Contracts.GeoPoint(box.MinLat, box.MinLon).DistanceMetresTo(new(box.MinLat, box.MaxLon)) / 320;
        metresPerPixelEast.ShouldBe(metresPerPixelNorth, metresPerPixelNorth * 0.01);
    }

    [Fact]
    public void a_position_off_the_map_is_drawn_whole_just_inside_its_edge()
    {
        var box = MapProjection.Fit([Shop, Home], 320, 180);

        box.Project(32, 120).ShouldBe((12, 12));
        box.Project(30, 123).ShouldBe((308, 168));
    }

    [Fact]
    public void the_map_draws_shop_and_drop_off_and_hides_the_rider_until_there_is_one()
    {
        var before = Render<OrderMap>(p => p.Add(m => m.Map, new OrderMapInfo(Guid.NewGuid(), Guid.NewGuid(), Shop, Home, null)));
        before.Find("[data-testid=map-merchant]").TextContent.ShouldBe("商");
        before.Find("[data-testid=map-dropoff]").TextContent.ShouldBe("家");
        before.Find("[data-testid=rider-marker]").GetAttribute("display").ShouldBe("none");

        var rider = new RiderSpot(Guid.NewGuid(), (Shop.Latitude + Home.Latitude) / 2, (Shop.Longitude + Home.Longitude) / 2, DateTimeOffset.UnixEpoch);
        var during = Render<OrderMap>(p => p.Add(m => m.Map, new OrderMapInfo(Guid.NewGuid(), Guid.NewGuid(), Shop, Home, rider)));
        var marker = during.Find("[data-testid=rider-marker]");
        marker.GetAttribute("display").ShouldBe("inline");
        marker.GetAttribute("transform").ShouldBe("translate(160 90)", "halfway between shop and home is the middle of the map");
    }

    [Fact]
    public void the_eta_line_names_the_arrival_time_and_where_its_minutes_come_from()
    {
        var l = Services.GetRequiredService<IStringLocalizer<Strings>>();
        var at = new DateTimeOffset(2026, 11, 28, 4, 32, 0, TimeSpan.Zero);
        var eta = new EtaInfo(Guid.NewGuid(), at.AddMinutes(-23), at, 23, new EtaBasisInfo(6.2, 0, 8.4, 5, 1.3, "ebike", 18, "merchant"));

        EtaText.Headline(eta, l).ShouldBe("预计12:32送达 · 约23分钟");
        EtaText.Basis(eta, l).ShouldBe("备餐7分钟 · 配送9分钟 · 取送交接5分钟 | 电动车 18km/h · 路况系数1.3 · 按商家位置估算");
    }

    [Fact]
    public void nothing_on_its_way_has_no_eta_line()
    {
        var l = Services.GetRequiredService<IStringLocalizer<Strings>>();
        var done = new EtaInfo(Guid.NewGuid(), DateTimeOffset.UnixEpoch, null, 0, null);

        EtaText.Headline(done, l).ShouldBeEmpty();
        EtaText.Basis(done, l).ShouldBeEmpty();
    }
}
