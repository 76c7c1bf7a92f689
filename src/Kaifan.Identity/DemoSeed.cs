using Kaifan.BuildingBlocks;
using Kaifan.BuildingBlocks.Storage;
using Kaifan.Contracts;
using Kaifan.Contracts.Queries;
using Kaifan.Identity.Addresses;
using Kaifan.Identity.Consents;
using Kaifan.Identity.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaifan.Identity;

/// <summary>The demo campus's people: an operator, one staff member per merchant, 12 riders, 5 customers with addresses.</summary>
internal sealed class DemoSeed : IDemoSeeder
{
    private static readonly string[] CustomerNames = ["张伟", "王芳", "李娜", "刘洋", "陈静"];
    private static readonly string[] RiderNames = ["赵强", "孙磊", "周杰", "吴刚", "郑浩", "冯军", "陈涛", "褚亮", "卫东", "蒋勇", "沈峰", "韩冰"];
    private static readonly string[] Dorms = ["东区 3号楼 502", "东区 5号楼 218", "东区 研究生公寓 1106", "东区 教工宿舍 2单元 301", "东区 留学生楼 402"];

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var protector = scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        User Person(Guid id, string role, string phone, string name, Guid? merchantId = null, Guid? riderId = null) => new()
        {
            Id = id,
            Role = role,
            PhoneCipher = protector.Protect(phone),
            PhoneHash = protector.LookupHash(phone),
            NameCipher = protector.Protect(name),
            MerchantId = merchantId,
            RiderId = riderId,
            CreatedAt = now,
        };

        // The demo riders have agreed to share their position and the demo customers to 特殊关照, so the demo goes online
        // and places special-care orders as it always did; a new sign-up is asked first.
        Consent Granted(Guid userId, string purpose) =>
            new() { UserId = userId, Purpose = purpose, Granted = true, At = now, PolicyVersion = ConsentPolicy.Version };

        db.Users.Add(Person(DemoCampus.OperatorId, Roles.Operator, DemoCampus.OperatorPhone, "运营小开"));
        for (var n = 1; n <= DemoCampus.MerchantCount; n++)
        {
            db.Users.Add(Person(DemoCampus.MerchantStaffId(n), Roles.Merchant, DemoCampus.MerchantPhone(n), $"店长{n}号", merchantId: DemoCampus.MerchantId(n)));
        }

        for (var n = 1; n <= DemoCampus.RiderCount; n++)
        {
            db.Users.Add(Person(DemoCampus.RiderId(n), Roles.Rider, DemoCampus.RiderPhone(n), RiderNames[n - 1], riderId: DemoCampus.RiderId(n)));
            db.Consents.Add(Granted(DemoCampus.RiderId(n), ConsentPurposes.Location));
        }

        for (var n = 1; n <= DemoCampus.CustomerCount; n++)
        {
            var name = CustomerNames[n - 1];
            db.Users.Add(Person(DemoCampus.CustomerId(n), Roles.Customer, DemoCampus.CustomerPhone(n), name));
            db.Consents.Add(Granted(DemoCampus.CustomerId(n), ConsentPurposes.Health));
            db.Addresses.Add(new Address
            {
                Id = DemoCampus.Id($"address:{n}"),
                CustomerId = DemoCampus.CustomerId(n),
                ZoneId = DemoCampus.ZoneId(1),
                ContactNameCipher = protector.Protect(name),
                PhoneCipher = protector.Protect(DemoCampus.CustomerPhone(n)),
                DetailCipher = protector.Protect("开饭大学" + Dorms[n - 1]),
                Latitude = 31.0262 + n * 0.0006,
                Longitude = 121.4405 + n * 0.0004,
                Tag = "学校",
                StairsNoLift = n == 4,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
