using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;
using StockStream.Tests.Infrastructure;

namespace StockStream.Tests.Limits;

/// <summary>Frames built to get past the message reader: each is a malformed message, answered with Error 400.</summary>
public class HostileMessageTests(StockStreamServer server) : IClassFixture<StockStreamServer>
{
    public static TheoryData<string, string, string> Frames => new()
    {
        { "empty binary frame", Subprotocols.MessagePack, "" },
        { "empty text frame", Subprotocols.Json, "" },
        { "str32 length of 2^32-1", Subprotocols.MessagePack, "9203c6ffffffff" },
        { "bin32 length of 2^31", Subprotocols.MessagePack, "9301c680000000" },
        { "array32 of 2^31 symbols", Subprotocols.MessagePack, "930101dd80000000" },
        { "map32 of 2^31 resume entries", Subprotocols.MessagePack, "94010190df80000000" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task GetsError400AndTheConnectionStaysUsable(string name, string subprotocol, string hex)
    {
        await using var client = await server.ConnectAsync(subprotocol);
        var type = subprotocol == Subprotocols.Json ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        await client.SendRawAsync(Convert.FromHexString(hex), type);
        var error = await client.ReceiveAsync<ErrorMessage>();
        Assert.True(error.Code == ErrorCodes.MalformedMessage, $"{name}: Error {error.Code} {error.Message}");
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);

        await client.SendAsync(client.Format.CreatePing(5));
        await client.ReceiveUntilAsync<PongMessage>();
    }

    [Theory]
    [InlineData("[1,1,[\"\\ud800\"]]")]
    [InlineData("[1,1,[\"AAPL\"],{\"\\udfff\":1}]")]
    [InlineData("[2,1,[\"A\\ud800B\"]]")]
    public async Task LoneSurrogatesInJsonGetError400(string json)
    {
        await using var client = await server.ConnectAsync(Subprotocols.Json);
        await client.SendRawAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);
        Assert.Equal(ErrorCodes.MalformedMessage, (await client.ReceiveAsync<ErrorMessage>()).Code);
    }
}
