using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PopCulture.Cms.Data;

namespace PopCulture.Cms.Identity;

/// <summary>On first start, creates the admin from configuration, or with a generated password printed once.</summary>
public sealed class AdminSeeder(UserManager<CmsUser> users, CmsDbContext db, IOptions<CmsOptions> options, TimeProvider clock, ILogger<AdminSeeder> logger)
{
    public const string DefaultEmail = "admin@popculture.local";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Grants.AnyAsync(g => g.Role == Roles.Admin, cancellationToken))
        {
            return;
        }

        var settings = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(settings.Email) ? DefaultEmail : settings.Email.Trim();
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? GeneratePassword() : settings.Password!;
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "管理员", CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot create the admin {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        db.Grants.Add(new AccessGrant { UserId = user.Id, Role = Roles.Admin });
        await db.SaveChangesAsync(cancellationToken);
        if (generated)
        {
            // Printed once, to the console only: it is never logged through the logging pipeline or stored in clear.
            Console.WriteLine($"PopCulture admin created: {email} / {password}  (change it after signing in)");
        }
        else
        {
            logger.LogInformation("Admin {Email} created from configuration", email);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        // Guarantee the policy's digit, lower and upper case whatever the draw.
        return new string(chars) + "a7Z";
    }
}
