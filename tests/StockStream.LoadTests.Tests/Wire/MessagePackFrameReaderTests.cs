using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Wire;

public class MessagePackFrameReaderTests : FrameReaderContractTests
{
    protected override WireFormat Format => WireFormat.MessagePack;

    protected override MessageType Read(byte[] frame, IStreamObserver observer) => MessagePackFrameReader.Read(frame, observer);
}
