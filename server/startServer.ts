import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '../shared/closeCodes';
import { AccountService } from './auth/accountService';
import { AuthService } from './auth/authService';
import { resolveAuthSecret } from './auth/secret';
import { TokenService } from './auth/tokens';
import { anchorFitsDocument } from './collab/anchorFitsDocument';
import { DraftAccessService } from './domain/access/draftAccess';
import { draftAuthors } from './domain/access/draftAuthors';
import { DraftEntry } from './domain/access/draftEntry';
import { AuditLog } from './domain/audit/auditLog';
import { NegotiationService } from './domain/negotiations/negotiationService';
import { ClientIdOwnership } from './collab/clientIdOwnership';
import { draftHeadingOf } from './collab/draftHeading';
import { PersistenceQueue } from './collab/persistenceQueue';
import { RoomRegistry } from './collab/roomRegistry';
import type { Config } from './config';
import { CommentService } from './domain/comments/commentService';
import { DraftActivity } from './domain/draftActivity';
import { CheckpointScheduler } from './domain/versions/checkpointScheduler';
import { ConcurrentReads } from './domain/versions/concurrentReads';
import { historyWorkerEntry } from './domain/versions/historyWorkerFile';
import { HistoryWorkers } from './domain/versions/historyWorkers';
import { VersionService } from './domain/versions/versionService';
import { DraftService } from './domain/draftService';
import { StableLabels } from './domain/labels/stableLabels';
import { deletedParagraphIds, lockedParagraphIds, ParagraphStatusService } from './domain/paragraphs/paragraphStatusService';
import { seedDemo, type SeededAccount } from './domain/seed/seedDemo';
import { commentsRouter } from './http/commentsRouter';
import { createApp } from './http/createApp';
import { Health } from './health/health';
import { integrityCheck } from './health/integrityCheck';
import { storeCheck } from './health/storeCheck';
import { writesCheck } from './health/writesCheck';
import { redisCheck } from './health/redisCheck';
import { Metrics } from './metrics/metrics';
import { timedAppends } from './metrics/timedAppends';
import { draftCreationLimit } from './http/draftCreationLimit';
import { draftsRouter } from './http/draftsRouter';
import { draftImportRouter } from './http/draftImportRouter';
import { DEFAULT_IMPORT_LIMITS } from './documents/import/importLimits';
import { DEFAULT_IMPORT_WORKER_OPTIONS, ImportWorkers } from './documents/import/importWorkers';
import { workerEntry } from './workerEntry';
import { negotiationsRouter } from './http/negotiationsRouter';
import { paragraphsRouter } from './http/paragraphsRouter';
import { usersRouter } from './http/usersRouter';
import { versionsRouter } from './http/versionsRouter';
import { roundsRouter } from './http/roundsRouter';
import { RoundService } from './domain/rounds/roundService';
import { SponsorService } from './domain/sponsors/sponsorService';
import { sponsorsRouter } from './http/sponsorsRouter';
import { silenceRouter } from './http/silenceRouter';
import { SilenceService } from './domain/silence/silenceService';
import { OralRevisionService } from './domain/oralRevisions/oralRevisionService';
import { oralRevisionsRouter } from './http/oralRevisionsRouter';
import { DraftEditingService } from './domain/editing/draftEditingService';
import { editingRouter } from './http/editingRouter';
import { ProposalService } from './domain/proposals/proposalService';
import { proposalsRouter } from './http/proposalsRouter';
import { proposalHandlers } from './realtime/proposalHandlers';
import { DocumentExports } from './documents/documentExports';
import { exportRouter } from './http/exportRouter';
import { draftRoom } from './realtime/types';
import { createLogger, type Logger } from './logger';
import { createSocketServer } from './realtime/createSocketServer';
import { commentHandlers } from './realtime/commentHandlers';
import { paragraphHandlers } from './realtime/paragraphHandlers';
import { EventRateLimiter } from './realtime/eventRateLimiter';
import { rateLimitEvents } from './realtime/rateLimitEvents';
import { broadcastPresence, presenceHandlers } from './realtime/presenceHandlers';
import { greetWithFocus, projectorHandlers } from './realtime/projectorHandlers';
import { ProjectorFocuses } from './domain/projector/projectorFocuses';
import { openSharedState } from './scaleout/sharedState';
import { openStore } from './store/openStore';
import { RedisLink } from './scaleout/redisLink';
import { YjsRelay } from './scaleout/yjsRelay';
import type { Store } from './store/types';
import { YjsChannel } from './transport/yjsChannel';

export interface RunningServer {
  /** http://host:port of the listening server. */
  url: string;
  port: number;
  store: Store;
  rooms: RoomRegistry;
  /** The Redis link in multi-instance mode (REDIS_URL), else null. */
  redis: RedisLink | null;
  /** Removing accounts and changing roles; ends the person's live connections. */
  accounts: AccountService;
  /** Demo accounts created at this start (empty when the store already had users). */
  seeded: SeededAccount[];
  /** Stops taking connections, writes everything pending, closes the store. */
  close(): Promise<void>;
}

/** What the composition root is given besides the config (parts built elsewhere). */
export interface ServerOptions {
  /** Multi-instance mode: whether the Redis link is up (/healthz and /metrics report it). */
  redisUp?: () => boolean;
}

/** The composition root: config -> store -> services -> transports, listening. */
export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel), options: ServerOptions = {}): Promise<RunningServer> {
  // First: an unreachable Redis stops the start before anything else is opened.
  const redis = config.redisUrl ? await RedisLink.connect({ url: config.redisUrl, logger: logger.child({ component: 'redis' }), commandTimeoutMs: config.redisCommandTimeoutMs }) : null;
  const redisUp = options.redisUp ?? (redis ? () => redis.isUp() : undefined);
  const store = await openStore(config);
  // The sources are read at each scrape, which only comes once the server listens.
  const metrics: Metrics = new Metrics({
    yjsConnections: () => yjs.openConnections,
    socketIoConnections: () => io.of('/').sockets.size,
    openDrafts: () => rooms.loadedCount,
    liveDocuments: () => rooms.liveDocumentCount,
    persistence: () => persistence.health(),
    redisUp,
  });
  const realtimeLogger = logger.child({ component: 'realtime' });
  // io exists by the time a roster can change (connections come after listen).
  const shared = await openSharedState(redis, config, logger.child({ component: 'scaleout' }), (draftId) =>
    void broadcastPresence(io, shared.roster, draftId).catch((err: Error) => realtimeLogger.warn({ err: err.message, draftId }, 'presence broadcast failed')),
  );
  const { sessions, tickets } = shared;
  const auth = new AuthService(
    store.users,
    new TokenService(resolveAuthSecret(config.authSecret, config.dataDir), config.tokenTtlSeconds),
    sessions,
    tickets,
  );
  const audit = new AuditLog(store.audit);
  const accounts = new AccountService(store.users, sessions, audit, logger.child({ component: 'accounts' }));
  const drafts = new DraftService(store.drafts, store.documents, store.versions);
  const access = new DraftAccessService(store.drafts, store.negotiations, store.memberships);
  const entry = new DraftEntry(access, sessions);
  await shared.listen((userId) => access.forget(userId));
  const negotiations = new NegotiationService(store, drafts, access, sessions, audit, logger.child({ component: 'negotiations' }));
  const seeded = config.seedDemo ? await seedDemo(store, drafts, logger) : [];

  const activity = new DraftActivity(store.drafts, logger, (draftId) => {
    const room = rooms.peek(draftId);
    return room ? room.read(draftHeadingOf) : null;
  });
  const persistence = new PersistenceQueue(
    timedAppends(store.documents, metrics),
    logger.child({ component: 'persistence' }),
    (batch) => activity.record(batch),
    {
      maxUnsavedBytes: config.maxUnsavedBytes,
      maxWaitMs: config.durableWaitMs,
      // Browsers keep their edits (IndexedDB) and resend what the server lacks when they reconnect.
      onOverloaded: () => yjs.closeAll(CloseCode.Unavailable, 'saving is behind; try again later'),
    },
  );
  const versionsLogger = logger.child({ component: 'versions' });
  const checkpoints = new CheckpointScheduler(
    { quietMs: config.checkpointQuietMs, everyUpdates: config.checkpointEveryUpdates },
    (draftId) =>
      void rooms
        .withRoom(draftId, (room) => versions.checkpoint(room))
        .catch((err) => versionsLogger.warn({ err, draftId }, 'automatic checkpoint failed')),
  );
  const storedLocks = (draftId: string) => lockedParagraphIds(store.paragraphStatuses, draftId);
  const storedEditing = async (draftId: string) => (await store.drafts.get(draftId))?.editing ?? 'direct';
  const relay = redis
    ? new YjsRelay({
        link: redis,
        instanceId: config.instanceId,
        documents: store.documents,
        logger: logger.child({ component: 'relay' }),
        storedRules: async (draftId) => ({ lockedParagraphIds: await storedLocks(draftId), editing: await storedEditing(draftId) }),
        onRelayLatency: (seconds) => metrics.relayLatency.observe(seconds),
      })
    : undefined;
  const rooms: RoomRegistry = new RoomRegistry({
    documents: store.documents,
    persistence,
    logger: logger.child({ component: 'collab' }),
    ownership: new ClientIdOwnership(store.clientIds),
    snapshotEvery: config.snapshotEvery,
    idleUnloadMs: config.idleUnloadMs,
    liveDocumentIdleMs: config.liveDocumentIdleMs,
    awarenessLimits: config.awarenessLimits,
    onDurableChange: (draftId) => checkpoints.noteChange(draftId),
    beforeUnload: async (room) => {
      if (checkpoints.settle(room.draftId)) await versions.checkpoint(room);
    },
    lockedParagraphIds: storedLocks,
    editing: storedEditing,
    relay,
  });
  const history = new HistoryWorkers(historyWorkerEntry(), config.historyWorkers, versionsLogger);
  const versions = new VersionService(store.versions, store.documents, draftAuthors(store.users, store.drafts, store.memberships), rooms, {
    keepAuto: config.keepAutoVersions,
    durableWaitMs: config.durableWaitMs,
    // io exists by the time a version can be made (requests and checkpoints come after listen).
    announce: (version) => io.to(draftRoom(version.draftId)).emit('version:created', version),
  }, history, audit);
  const rounds = new RoundService(versions, store.versions, (draftId) => deletedParagraphIds(store.paragraphStatuses, draftId), audit);
  const yjs = new YjsChannel({
    auth,
    sessions,
    entry,
    rooms,
    logger: logger.child({ component: 'yjs' }),
    maxFrameBytes: config.maxFrameBytes,
    maxFramesPerSecond: config.maxFramesPerSecond,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    livenessCheckMs: config.livenessCheckMs,
    maxUnauthenticated: config.maxUnauthenticatedConnections,
    maxBytesBeforeSignIn: config.maxBytesBeforeSignIn,
    maxSendBufferBytes: config.maxSendBufferBytes,
    writes: persistence,
    onSocketClosed: (code) => metrics.websocketClosed(code),
  });

  // One cache of round bases for every service that labels paragraphs.
  const labels = new StableLabels(store.versions);
  const comments = new CommentService(
    store.comments,
    (draftId, anchor) => rooms.read(draftId, (doc) => anchorFitsDocument(doc, anchor)),
    config,
  );

  const paragraphs = new ParagraphStatusService({
    statuses: store.paragraphStatuses,
    memberships: store.memberships,
    drafts: rooms,
    labels,
  });

  const sponsors = new SponsorService({
    sponsors: store.sponsors,
    memberships: store.memberships,
    drafts: rooms,
    audit,
    // io exists by the time anyone can change the sponsors (requests come after listen).
    announce: (view) => io.to(draftRoom(view.draftId)).emit('sponsors:updated', view),
  });
  const silence = new SilenceService({
    store: store.silences,
    paragraphs,
    versions,
    drafts: rooms,
    audit,
    logger: logger.child({ component: 'silence' }),
    events: {
      silenceUpdated: (view) => io.to(draftRoom(view.draftId)).emit('silence:updated', view),
      paragraphUpdated: (draftId, paragraph) => io.to(draftRoom(draftId)).emit('paragraph:updated', paragraph),
    },
  });
  const oralRevisions = new OralRevisionService({
    memberships: store.memberships,
    drafts: rooms,
    labels,
    audit,
    announce: (revision) => io.to(draftRoom(revision.draftId)).emit('oral-revision:recorded', revision),
    durableWaitMs: config.durableWaitMs,
  });

  const editing = new DraftEditingService({
    drafts: store.drafts,
    rooms,
    audit,
    announce: (view) => io.to(draftRoom(view.draftId)).emit('draft:editing', view),
  });

  const proposals = new ProposalService({
    proposals: store.proposals,
    versions: store.versions,
    drafts: rooms,
    labels,
    audit,
    announce: (event, proposal) => io.to(draftRoom(proposal.draftId)).emit(event, proposal),
    logger: logger.child({ component: 'proposals' }),
    limits: config,
    durableWaitMs: config.durableWaitMs,
  });

  const documentExports = new DocumentExports({
    versions,
    documents: store.documents,
    live: rooms,
    labels,
    history,
    authorsOf: draftAuthors(store.users, store.drafts, store.memberships),
    proposals: (draftId) => store.proposals.listByDraft(draftId, 'pending'),
    durableWaitMs: config.durableWaitMs,
  });

  const creationLimit = draftCreationLimit(config.draftsPerHour, shared.rateLimitStore('drafts-created'));
  const imports = new ImportWorkers(workerEntry('documents/import/importWorker'), DEFAULT_IMPORT_WORKER_OPTIONS, logger.child({ component: 'import' }));
  const app = createApp({
    health: new Health({
      store: storeCheck(store),
      writes: writesCheck(persistence, config.durableWaitMs),
      integrity: integrityCheck(store.corruption),
      ...(redisUp && { redis: redisCheck(redisUp) }),
    }),
    metrics,
    metricsToken: config.metricsToken,
    trustProxy: config.trustProxy,
    auth,
    accounts,
    audit,
    logger,
    apiRouters: [
      ['/drafts', draftsRouter(drafts, access, negotiations, tickets, creationLimit)],
      ['/drafts', commentsRouter(drafts, access, comments)],
      ['/drafts', paragraphsRouter(drafts, access, paragraphs)],
      ['/drafts', versionsRouter(drafts, access, versions, new ConcurrentReads(config.historyReadsPerUser), paragraphs, oralRevisions, proposals)],
      ['/drafts', roundsRouter(drafts, access, rounds)],
      ['/drafts', sponsorsRouter(drafts, access, sponsors)],
      ['/drafts', silenceRouter(drafts, access, silence)],
      ['/drafts', oralRevisionsRouter(drafts, access, oralRevisions)],
      ['/drafts', editingRouter(drafts, access, editing)],
      ['/drafts', proposalsRouter(drafts, access, proposals)],
      ['/drafts', exportRouter(drafts, access, documentExports, new ConcurrentReads(config.historyReadsPerUser))],
      ['/negotiations', negotiationsRouter(negotiations, creationLimit)],
      ['/negotiations', draftImportRouter(negotiations, creationLimit, imports, { ...DEFAULT_IMPORT_LIMITS, maxUploadBytes: config.importMaxBytes })],
      ['/users', usersRouter(accounts)],
    ],
    clientDir: config.clientDir,
    loginLimits: { failuresPerAccount: config.loginFailuresPerAccount, failuresPerAddress: config.loginFailuresPerAddress, store: shared.rateLimitStore },
  });
  const httpServer = http.createServer(app);
  httpServer.on('upgrade', (request, socket, head) => {
    // socket.io claims its own path; everything else that is not ours is refused.
    if (request.url?.startsWith('/socket.io/')) return;
    if (!yjs.handleUpgrade(request, socket, head)) socket.destroy();
  });
  const projector = new ProjectorFocuses(rooms);
  const io = createSocketServer(
    httpServer,
    auth,
    sessions,
    realtimeLogger,
    [
      rateLimitEvents(new EventRateLimiter(config), realtimeLogger),
      presenceHandlers(entry, shared.roster, realtimeLogger, [greetWithFocus(projector)]),
      commentHandlers(comments, realtimeLogger),
      paragraphHandlers(paragraphs, realtimeLogger),
      proposalHandlers(proposals, realtimeLogger),
      projectorHandlers(projector, realtimeLogger),
    ],
    shared.adapter,
  );
  // Once the room broadcasts exist: a deadline that passed while the server was down concludes now.
  await silence.resume();

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, store: config.mongodbUrl ? 'mongodb' : 'sqlite', instanceId: config.instanceId, redis: redis !== null }, 'listening');

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting, let clients' last frames land, then write everything down.
      httpServer.close();
      await silence.close();
      await yjs.close();
      await io.close();
      await shared.close();
      httpServer.closeAllConnections();
      await persistence.close();
      // While the rooms are still loaded, so the last title and symbol edits reach the list.
      await activity.close();
      await rooms.closeAll();
      relay?.close();
      await redis?.close();
      checkpoints.close();
      await history.close();
      await imports.close();
      await store.close();
      logger.info('stopped cleanly');
    })());

  return { url, port, store, rooms, redis, accounts, seeded, close };
}
