namespace Kaifan.Web.Resources;

/// <summary>Marker for the UI strings: Strings.zh-Hans.resx (the default) and Strings.en.resx.</summary>
public sealed class Strings;
