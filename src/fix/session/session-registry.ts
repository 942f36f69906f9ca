// The acceptor's front door (the transport's SessionAcceptor). Given the first message of a
// connection it decides, in this order, whether anyone may log on: a Logon at all; a definition
// for its BeginString + CompID pair; the remote address on that definition's allowlist; no other
// connection logged on (or logging on) as that identity; Username/Password against the
// definition's credential, when it has one. Only then does the session itself see the Logon, so
// nothing changes (no reset, no store write) for a peer that has not proved who it is: a
// stranger's 141=Y resets nothing.
//
// Refusals are logged with the exact reason and reported to the transport's attempt limits. The
// peer learns nothing specific: a known CompID pair gets a Logout with a generic Text (sent with
// our next MsgSeqNum without consuming it, so the stranger moves nothing), an unknown pair or a
// message that is not a Logon is simply disconnected, and a duplicate identity is disconnected
// without a message (test case 1S b: a Logout would consume a number of the live session).
//
// Garbled frames are dropped, and logged per connection at a falling rate: a peer sending nothing
// but garbage must not be able to fill the log.
import {
  MessageValidator,
  NO_REJECT,
  RejectDetail,
  SessionRejectReason,
  Tag,
  VenueRules,
  dictionaryFor,
  type FixDictionary,
  type FixMessage,
} from '../codec';
import type { Logger } from '../../log';
import { HeaderWriter, MT_LOGON, MT_LOGOUT, writeLogout } from './admin-messages';
import { AcceptorSession } from './acceptor-session';
import { systemClock, type Clock } from './clock';
import { readLogon } from './logon';
import { sendingTimeAccurate } from './sequence-check';
import { DefinitionAuthenticator, type SessionAuthenticator } from './session-authenticator';
import { DEFAULT_SENDING_TIME_TOLERANCE_MS, definitionProblem, identityKey, type AcceptorDefinition } from './session-definition';
import {
  LogonRefusal,
  type ApplicationHandler,
  type ConnectionBinding,
  type LogonRefusalListener,
  type SessionAcceptor,
  type SessionLink,
} from './session-ports';
import type { SessionStore } from './store/session-store';

/** The only Text a refused peer reads, whatever the check that failed. */
export const LOGON_REFUSED_TEXT = 'Logon rejected';

export interface SessionRegistryOptions {
  readonly definitions: readonly AcceptorDefinition[];
  readonly store: SessionStore;
  readonly application: ApplicationHandler;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly authenticator?: SessionAuthenticator;
  readonly refusals?: LogonRefusalListener;
  readonly venue?: VenueRules;
}

export class SessionRegistry implements SessionAcceptor {
  private readonly byIdentity = new Map<string, AcceptorSession>();
  private readonly byName = new Map<string, AcceptorSession>();
  /** Sessions whose Logon is being authenticated right now. */
  private readonly loggingOn = new Set<string>();
  private readonly validators = new Map<FixDictionary, MessageValidator>();
  /** Garbled frames per connection; weak, so a closed connection's count goes with it. */
  private readonly garbled = new WeakMap<SessionLink, number>();
  private readonly clock: Clock;
  private readonly authenticator: SessionAuthenticator;
  private readonly log: Logger;

  constructor(private readonly options: SessionRegistryOptions) {
    this.clock = options.clock ?? systemClock;
    this.authenticator = options.authenticator ?? new DefinitionAuthenticator();
    this.log = options.log.child({ component: 'fix-session' });
    const venue = options.venue ?? new VenueRules();
    for (const definition of options.definitions) {
      const dictionary = dictionaryFor(definition.beginString);
      if (dictionary === undefined || !venue.acceptsBeginString(definition.beginString)) {
        this.log.error({ session: definition.name, beginString: definition.beginString }, 'session definition skipped: BeginString not spoken here');
        continue;
      }
      const problem = definitionProblem(definition, (applVerId) => venue.acceptsDefaultApplVerId(applVerId));
      if (problem !== undefined) {
        this.log.error({ session: definition.name, problem }, 'session definition skipped');
        continue;
      }
      // Sessions (and their store records) are made at start-up, not when a stranger knocks.
      const session = new AcceptorSession({
        definition,
        dictionary,
        validator: this.validatorFor(dictionary),
        venue,
        store: options.store,
        clock: this.clock,
        application: options.application,
        log: this.log,
      });
      this.byIdentity.set(identityKey(definition.beginString, definition.peerCompId, definition.ourCompId), session);
      this.byName.set(definition.name, session);
    }
  }

  session(name: string): AcceptorSession | undefined {
    return this.byName.get(name);
  }

  get sessions(): readonly AcceptorSession[] {
    return [...this.byName.values()];
  }

  async onFirstMessage(message: FixMessage, link: SessionLink): Promise<ConnectionBinding | undefined> {
    const remote = link.remoteAddress;
    const headerGarbled = message.issue === SessionRejectReason.TagSpecifiedOutOfRequiredOrder && message.issueField < 3;
    if (headerGarbled || message.msgType !== MT_LOGON) {
      return this.refuse(link, LogonRefusal.NotALogon, undefined, { msgType: message.getString(Tag.MsgType) });
    }
    const beginString = message.getString(Tag.BeginString) ?? '';
    const sender = message.getString(Tag.SenderCompID) ?? '';
    const target = message.getString(Tag.TargetCompID) ?? '';
    const session = this.byIdentity.get(identityKey(beginString, sender, target));
    if (session === undefined) {
      return this.refuse(link, LogonRefusal.UnknownSession, undefined, { beginString, sender, target });
    }
    const definition = session.definition;
    // Everything needed later is copied now: the message is not ours after the first await.
    const detail = new RejectDetail();
    const reason = session.deps.validator.validate(message, detail);
    const request = readLogon(message, reason, reason === NO_REJECT ? 0 : detail.refTagId);
    const tolerance = definition.sendingTimeToleranceMs ?? DEFAULT_SENDING_TIME_TOLERANCE_MS;
    const timeAccurate = sendingTimeAccurate(message, this.clock.now(), tolerance);

    if (!this.authenticator.addressAllowed(definition, remote)) {
      return this.refuse(link, LogonRefusal.AddressNotAllowed, session);
    }
    if (session.connected || this.loggingOn.has(definition.name)) {
      return this.refuse(link, LogonRefusal.AlreadyLoggedOn, session);
    }
    this.loggingOn.add(definition.name);
    let authenticated: boolean;
    try {
      authenticated = await this.authenticator.verifyCredentials(definition, request.username ?? '', request.password ?? '');
    } finally {
      this.loggingOn.delete(definition.name);
    }
    if (!authenticated) return this.refuse(link, LogonRefusal.BadCredentials, session);
    if (session.connected) return this.refuse(link, LogonRefusal.AlreadyLoggedOn, session);
    const binding = session.acceptLogon(request, timeAccurate, link);
    if (binding === undefined) this.options.refusals?.onLogonRefused(remote, LogonRefusal.InvalidLogon);
    return binding;
  }

  /** One warn line at the 1st, 2nd, 4th, 8th... garbled frame of a connection; debug otherwise. */
  onGarbled(link: SessionLink, reason: string): void {
    const count = (this.garbled.get(link) ?? 0) + 1;
    this.garbled.set(link, count);
    const fields = { remote: link.remoteAddress, reason, garbledFrames: count };
    if ((count & (count - 1)) === 0) this.log.warn(fields, 'garbled frames ignored on this connection');
    else this.log.debug(fields, 'garbled frame ignored');
  }

  /** Logs the exact reason, tells the attempt limits, answers as little as possible, disconnects. */
  private refuse(link: SessionLink, refusal: LogonRefusal, session: AcceptorSession | undefined, details: object = {}): undefined {
    const remote = link.remoteAddress;
    this.log.warn({ remote, refusal, session: session?.name, ...details }, 'logon refused');
    this.options.refusals?.onLogonRefused(remote, refusal);
    if (session !== undefined && refusal !== LogonRefusal.AlreadyLoggedOn) {
      const definition = session.definition;
      const header = new HeaderWriter(definition.beginString, definition.ourCompId, definition.peerCompId, definition.timestampPrecision);
      const enc = header.begin(MT_LOGOUT, session.nextSenderSeq, this.clock.now());
      writeLogout(enc, LOGON_REFUSED_TEXT);
      const frame = header.finishCopy();
      if (frame !== undefined) link.send(frame);
    }
    link.close(`logon refused: ${refusal}`);
    return undefined;
  }

  private validatorFor(dictionary: FixDictionary): MessageValidator {
    let validator = this.validators.get(dictionary);
    if (validator === undefined) {
      validator = new MessageValidator(dictionary);
      this.validators.set(dictionary, validator);
    }
    return validator;
  }
}
