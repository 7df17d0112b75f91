using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PopCulture.Cms.Data;
using PopCulture.Cms.Manager;

namespace PopCulture.Cms.Tests;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens, preview links) is kept in the store, so every node
/// behind a load balancer, and a node restarted in a fresh container, reads the same keys.
/// </summary>
public abstract class KeyRingTests<TCms>(TCms cms) : IClassFixture<TCms> where TCms : CmsFactory
{
    [Fact]
    public async Task The_key_that_signs_a_manager_cookie_is_kept_in_the_store()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        await editor.PageAsync("/manager");

        using var scope = cms.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CmsDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Contains("<key ", k.Xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cookie_signed_on_one_node_is_accepted_by_another_on_the_same_store()
    {
        using var editor = await ManagerVisitor.SignedInAsync(cms, "editor");
        var cookie = editor.Cookies.GetCookies(editor.Address)[ManagerCookie.Name]!;

        await using var other = cms.WithWebHostBuilder(_ => { });
        var cookies = new CookieContainer();
        cookies.Add(editor.Address, new Cookie(cookie.Name, cookie.Value));
        using var client = other.CreateDefaultClient(editor.Address, new CookieContainerHandler(cookies));

        var response = await client.GetAsync("/manager");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(editor.Email!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteKeyRingTests(SqliteCms cms) : KeyRingTests<SqliteCms>(cms);

public sealed class PostgresKeyRingTests(PostgresCms cms) : KeyRingTests<PostgresCms>(cms);
