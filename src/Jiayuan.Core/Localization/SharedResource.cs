namespace Jiayuan.Core;

/// <summary>Marker for the shared string table (Resources/SharedResource*.resx). Keys are the English text; zh-CN is the default culture.</summary>
public sealed class SharedResource;
