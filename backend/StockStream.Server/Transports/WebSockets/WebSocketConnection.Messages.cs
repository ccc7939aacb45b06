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
            bool first = Volatile.Read(ref _closing) == 0;
            Close(WebSocketCloseStatus.PolicyViolation, "too many messages");
            if (first) Flooded?.Invoke();
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
            if (frame.IsEmpty) throw ProtocolException.Malformed("An empty frame is not a message.");
            message = format.ReadClientMessage(frame);
        }
        catch (Exception e) when (e is not ProtocolException)
        {
            // The reader only reads the frame: whatever else it throws (a length past 2^31, a lone surrogate...) means
            // the frame is not a message. One Debug line, never the stack trace.
            Reject("malformed");
            WebSocketLog.UnreadableMessage(logger, id, e.GetType().Name);
            _queue.EnqueueControl(new ErrorMessage(ErrorCodes.MalformedMessage, "Not a valid message."));
            if (++_malformed >= options.MaxMalformedMessages)
                Close(WebSocketCloseStatus.InvalidPayloadData, "too many malformed messages");
            return;
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

        try
        {
            Dispatch(message);
        }
        catch (Exception e)
        {
            // A bug of ours, not the client's: say so without internals, log it, and end this connection only.
            WebSocketLog.HandlingFailed(logger, id, message.GetType().Name, e);
            _queue.EnqueueControl(new ErrorMessage(ErrorCodes.InternalError, "Internal server error."));
            Close(WebSocketCloseStatus.InternalServerError, "internal error");
        }
    }

    private void Dispatch(ClientMessage message)
    {
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
