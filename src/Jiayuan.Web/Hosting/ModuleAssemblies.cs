using System.Reflection;
using Jiayuan.Demands;
using Jiayuan.Alerts;
using Jiayuan.Consultation;
using Jiayuan.Notices;
using Jiayuan.Party;
using Jiayuan.Places;

namespace Jiayuan.Web.Hosting;

/// <summary>The module assemblies whose pages the router serves; one list for the endpoint mapping and the router.</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] All = [typeof(PlacesModule).Assembly, typeof(NoticesModule).Assembly, typeof(PartyModule).Assembly, typeof(DemandsModule).Assembly, typeof(AlertsModule).Assembly, typeof(ConsultationModule).Assembly];
}
