using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Notices.Contracts;
using Jiayuan.Notices.Demo;
using Jiayuan.Notices.Features.Attachments;
using Jiayuan.Notices.Features.List;
using Jiayuan.Notices.Features.Publish;
using Jiayuan.Notices.Features.Read;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Notices;

/// <summary>Notice boards (公示栏): publish to a community or the subdistrict, read, search, attachments, read counts.</summary>
public static class NoticesModule
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        ModelRegistry.Register(typeof(NoticesModule).Assembly);
        services.AddScoped<NoticeWriter>();
        services.AddScoped<INoticePublisher>(sp => sp.GetRequiredService<NoticeWriter>());
        services.AddScoped<AttachmentStore>();
        services.AddSingleton<NoticeReader>();
        services.AddSingleton<IDemoSeeder, NoticesDemoSeeder>();
        services.AddSingleton(new HomeSection(typeof(NoticesSection), 10));
        return services;
    }

    public static RouteGroupBuilder MapNotices(this RouteGroupBuilder api) =>
        api.MapListNotices().MapReadNotice().MapPublishNotice().MapNoticeAttachments();
}
