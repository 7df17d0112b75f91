using Microsoft.AspNetCore.Identity;

namespace PopCulture.Cms.Identity;

/// <summary>A person who works in the CMS.</summary>
public sealed class CmsUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
