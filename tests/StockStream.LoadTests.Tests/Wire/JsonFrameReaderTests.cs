using StockStream.LoadTests.Wire;
using StockStream.Protocol;

namespace StockStream.LoadTests.Tests.Wire;

public class JsonFrameReaderTests : FrameReaderContractTests
{
    protected override WireFormat Format => WireFormat.Json;

    protected override MessageType Read(byte[] frame, IStreamObserver observer) => JsonFrameReader.Read(frame, observer);
}
