using Jiayuan.Core.Composition;
using Jiayuan.Core.Data;
using Jiayuan.Places.Contracts;
using Jiayuan.Places.Data;
using Jiayuan.Places.Demo;
using Jiayuan.Places.Features.Browse;
using Jiayuan.Places.Features.ManagePlaces;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiayuan.Places;

/// <summary>The spatial spine: subdistrict → community → courtyard → building → household, parks, districts and units.</summary>
public static class PlacesModule
{
    public static IServiceCollection AddPlaces(this IServiceCollection services)
    {
        ModelRegistry.Register(typeof(PlacesModule).Assembly);
        services.AddMemoryCache();
        services.AddSingleton<IPlaceDirectory, PlaceDirectory>();
        services.AddSingleton<IPlaceTreeSetup, PlaceTreeSetup>();
        services.AddSingleton<IDemoSeeder, PlacesDemoSeeder>();
        services.AddSingleton(new NavItem("/places", "Places", 20));
        return services;
    }

    public static RouteGroupBuilder MapPlaces(this RouteGroupBuilder api) => api.MapBrowsePlaces().MapManagePlaces();
}
