using System.Text.Json;
using System.Text.Json.Serialization;

namespace StockStream.LoadTests.Agents;

/// <summary>How jobs and reports travel between coordinator and agents: JSON, enums by name.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
