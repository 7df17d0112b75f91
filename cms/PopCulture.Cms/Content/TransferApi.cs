namespace PopCulture.Cms.Content;

/// <summary>Export and import in the content/ format, zipped.</summary>
public static class TransferApi
{
    public static IEndpointRouteBuilder MapTransferApi(this IEndpointRouteBuilder app) => app;
}
