using System.Net.WebSockets;
using StockStream.Protocol;
using StockStream.Protocol.Messages;

namespace StockStream.Server.Transports.WebSockets;

internal sealed partial class WebSocketConnection
{
    private void Handle(WebSocketMessageType type, ReadOnlyMemory<byte> frame)
    {
        if (!_limiter.TryAcquire())
        {
            Reject("rate");
            _queue.EnqueueControl(new ErrorMessage(ErrorCodes.TooManyMessages,
                $"More than {options.MaxMessagesPerSecond} messages per second."));
            Close(WebSocketCloseStatus.PolicyViolation, "too many messages");
            return;
        }
        if ((type == WebSocketMessageType.Text) != format.IsText)
        {
            Reject("frame type");
            Close(WebSocketCloseStatus.InvalidMessageType,
                format.IsText ? $"{format.Subprotocol} takes text frames" : $"{format.Subprotocol} takes binary frames");
            return;
        }

        ClientMessage message;
        try
        {
            message = format.ReadClientMessage(frame);
        }
        catch (ProtocolException e)
        {
            Reject(e.Code == ErrorCodes.UnknownMessageType ? "unknown type" : "malformed");
            WebSocketLog.BadMessage(logger, id, e.Code, e.Message);
            _queue.EnqueueControl(new ErrorMessage(e.Code, e.Message));
            if (++_malformed >= options.MaxMalformedMessages)
                Close(WebSocketCloseStatus.InvalidPayloadData, "too many malformed messages");
            return;
        }

        switch (message)
        {
            case SubscribeMessage subscribe:
                hub.Subscribe(_queue, subscribe);
                break;
            case UnsubscribeMessage unsubscribe:
                hub.Unsubscribe(_queue, unsubscribe);
                break;
            case PingMessage ping:
                _queue.EnqueueControl(new PongMessage(ping.RawClientTime, clock.NowMicroseconds()));
                break;
        }
    }
}
