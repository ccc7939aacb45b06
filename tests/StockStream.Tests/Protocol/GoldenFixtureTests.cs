using System.Runtime.CompilerServices;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Tests.Protocol;

/// <summary>
/// The encoded frames in tests/fixtures/protocol are the contract the TypeScript decoder is tested against too.
/// Set STOCKSTREAM_UPDATE_GOLDEN=1 to rewrite them after a deliberate protocol change.
/// </summary>
public class GoldenFixtureTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { "msgpack", "json" })
        {
            foreach (var (name, _) in SampleMessages.Server(WireFormat.MessagePack)) data.Add(name, format);
            foreach (var (name, _) in SampleMessages.Client(WireFormat.MessagePack)) data.Add(name, format);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EncodingMatchesTheGoldenFixture(string name, string extension)
    {
        var format = extension == "json" ? WireFormat.Json : WireFormat.MessagePack;
        byte[] encoded = Encode(format, name);
        string path = Path.Combine(FixtureDirectory(), $"{name}.{extension}");
        if (Environment.GetEnvironmentVariable("STOCKSTREAM_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, encoded);
        Assert.Equal(File.ReadAllBytes(path), encoded);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void GoldenFixtureDecodesToTheSampleMessage(string name, string extension)
    {
        var format = extension == "json" ? WireFormat.Json : WireFormat.MessagePack;
        byte[] bytes = File.ReadAllBytes(Path.Combine(FixtureDirectory(), $"{name}.{extension}"));
        var server = SampleMessages.Server(format).Where(s => s.Name == name).Select(s => s.Message).SingleOrDefault();
        if (server is not null)
        {
            Assert.Equal(Encode(format, name), format.ToArray(format.ReadServerMessage(bytes)));
            return;
        }
        var client = SampleMessages.Client(format).Single(s => s.Name == name).Message;
        Assert.Equal(Encode(format, name), format.ToArray(format.ReadClientMessage(bytes)));
        Assert.Equal(client.GetType(), format.ReadClientMessage(bytes).GetType());
    }

    [Fact]
    public void TicksFrameBuiltFromEncodedTicksIsTheSameAsEncodingTheMessage()
    {
        foreach (var format in new[] { WireFormat.MessagePack, WireFormat.Json })
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            format.WriteTicksFrame(buffer, [.. SampleMessages.Ticks.Select(t => new EncodedTick(t))], TickFlags.Conflated);
            Assert.Equal(format.ToArray(new TicksMessage(SampleMessages.Ticks, TickFlags.Conflated)), buffer.WrittenSpan.ToArray());
        }
    }

    private static byte[] Encode(WireFormat format, string name)
    {
        foreach (var (n, message) in SampleMessages.Server(format)) if (n == name) return format.ToArray(message);
        foreach (var (n, message) in SampleMessages.Client(format)) if (n == name) return format.ToArray(message);
        throw new ArgumentException($"No sample named {name}.");
    }

    private static string FixtureDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "fixtures", "protocol"));
}
