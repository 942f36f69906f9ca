// The application handler in place until the order path lands: every application message that
// reaches it is one the venue supports (the session layer already answered unsupported types with
// 380=3), and each is answered with a BusinessMessageReject 380=4 "Application not available",
// so a broker gets an answer per message rather than silence. The gateway replaces it.
import { Tag, VenueRules, type FixMessage } from '../codec';
import { BusinessRejectReason, businessRejectRefIdOf, writeBusinessMessageReject } from './admin-messages';
import type { ApplicationHandler, SessionHandle } from './session-ports';

export class UnavailableApplication implements ApplicationHandler {
  constructor(private readonly venue: VenueRules = new VenueRules()) {}

  onApplicationMessage(session: SessionHandle, message: FixMessage): void {
    const supported = this.venue.rulesFor(message.msgType) !== undefined;
    const reason = supported ? BusinessRejectReason.ApplicationNotAvailable : BusinessRejectReason.UnsupportedMessageType;
    const text = supported ? 'Application not available' : 'Unsupported message type';
    const refSeqNum = message.getInt(Tag.MsgSeqNum);
    const refMsgType = message.getString(Tag.MsgType) ?? '';
    const businessRejectRefId = businessRejectRefIdOf(message);
    session.sendApplication('j', (enc) => writeBusinessMessageReject(enc, { refSeqNum, refMsgType, businessRejectRefId, reason, text }));
  }
}
