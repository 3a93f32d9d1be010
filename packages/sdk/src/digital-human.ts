import * as THREE from 'three';
import { resolveConfig, type DigitalHumanConfig } from './config';
import { DigimensError } from './errors';
import type { DigitalHumanEvents, LifecycleState } from './events';
import { TypedEmitter, type Listener } from './util/emitter';
import { seededRandom } from './util/random';
import { assetBase, builtInAvatarUrl, runtimeAssetUrl } from './assets';
import { Stage, type FrameTiming } from './avatar/stage';
import { VrmAvatar } from './avatar/vrm-avatar';
import { loadVrm } from './avatar/vrm-loader';
import { IdleBehaviour } from './avatar/idle-behaviour';
import { ExpressionMixer, type Mood, type Viseme, type VisemeWeights } from './avatar/expression-mixer';
import { AvatarAppearance, validateAppearance, type Appearance } from './avatar/appearance';
import { CONVERSATION_FIELDS, setUpConversation, type ConversationSetup } from './dialogue/conversation-setup';
import type { Conversation, ConversationEvents } from './dialogue/conversation';
import { setUpListening, type ListeningSetup, type TranscriptionEvent } from './perception/listening-setup';
import type { VoicePerceptionEvents } from './perception/voice-perception';
import { speechToTextFor } from './speech/stt/speech-to-text';
import { AffectFusion, type AffectState } from './perception/affect-fusion';
import { setUpSeeing, type SeeingSetup } from './perception/seeing-setup';
import type { FacePerception } from './perception/face-perception';

/** A point in the avatar's world, in metres (the avatar stands at the origin facing +Z). */
export interface Point3 {
  x: number;
  y: number;
  z: number;
}

/** Events of a {@link DigitalHuman}, including per-frame timing and the conversation's. */
export interface DigitalHumanEventMap extends DigitalHumanEvents {
  frame: FrameTiming;
  /** A line said by the person or the avatar, when it is said. */
  caption: ConversationEvents['caption'];
  /** The conversation moved between idle, listening, thinking and speaking. */
  conversation: ConversationEvents['state'];
  /** A human colleague should take over; the host page decides how to call one. */
  handover: ConversationEvents['handover'];
  /** The person's fused affect (voice, and face when seen), after every new estimate. */
  affect: AffectState;
  /** The microphone heard the person start speaking (`bargeIn`: over the avatar). Times only, no audio. */
  'speech-start': VoicePerceptionEvents['speech-start'];
  /** The microphone heard the person stop speaking. */
  'speech-end': VoicePerceptionEvents['speech-end'];
  /** A transcript of the person's speech, a failed one, or (once) that speech is not transcribed here. */
  transcription: TranscriptionEvent;
}

/** Conversation events a DigitalHuman re-emits under its own names. */
const FORWARDED_CONVERSATION_EVENTS = [
  ['caption', 'caption'],
  ['state', 'conversation'],
  ['handover', 'handover'],
] as const;

/**
 * The orchestrator: one avatar on one element, built from one typed config.
 *
 * ```ts
 * const human = new DigitalHuman(document.querySelector('#stage')!, { view: 'head', lang: 'en' });
 * human.on('ready', () => human.setMood('happy'));
 * human.on('error', (e) => console.warn(e.code, e.message));
 * ```
 * Construction validates the config synchronously (throwing a {@link ConfigError});
 * everything after that — WebGL, downloading, parsing — reports through `error` events
 * and leaves the instance running in a `degraded` state rather than throwing.
 */
export class DigitalHuman {
  private configValue: DigitalHumanConfig;
  private readonly emitter = new TypedEmitter<DigitalHumanEventMap>();
  private readonly mixer = new ExpressionMixer();
  private idle: IdleBehaviour | null = null;
  private stage: Stage | null = null;
  private avatar: VrmAvatar | null = null;
  private lookTarget: THREE.Vector3 | null = null;
  private appearance: AvatarAppearance | null = null;
  /** Every colour asked for so far, re-applied when another avatar loads. */
  private appearanceWanted: Appearance = {};
  private readonly viewer = new THREE.Vector3();
  private stateValue: LifecycleState = 'loading';
  private loadAbort: AbortController | null = null;
  private loadGeneration = 0;
  private talk: ConversationSetup | null = null;
  private listening: ListeningSetup | null = null;
  private seeing: SeeingSetup | null = null;
  /** One affect state from face and voice, shared by the camera and microphone sides. */
  private readonly affect = new AffectFusion();
  /** Settles when the current avatar load attempt has finished (success or failure). */
  loaded: Promise<void>;

  constructor(
    readonly container: HTMLElement,
    config: Partial<DigitalHumanConfig> = {},
  ) {
    this.configValue = resolveConfig(config);
    this.idle = this.makeIdle();
    this.setUpTalk();
    // Defer start-up (and the microphone prompt) by a microtask so callers can subscribe to the first events.
    this.loaded = Promise.resolve().then(() => this.start());
  }

  /** The validated config in force. */
  get config(): Readonly<DigitalHumanConfig> {
    return this.configValue;
  }

  /** Lifecycle state: loading, ready, degraded or disposed. */
  get state(): LifecycleState {
    return this.stateValue;
  }

  /** Names of every expression the loaded model defines (presets and custom). */
  get expressionNames(): string[] {
    return this.avatar?.vrm.expressionManager?.expressions.map((e) => e.expressionName) ?? [];
  }

  /** The three.js objects, for hosts that add their own scenery. Null until WebGL is up. */
  get three(): { scene: THREE.Scene; camera: THREE.PerspectiveCamera; renderer: THREE.WebGLRenderer } | null {
    return this.stage ? { scene: this.stage.scene, camera: this.stage.camera, renderer: this.stage.renderer } : null;
  }

  /**
   * The conversation (turn-taking, brain, voice, lip-sync), or null with `brain: 'none'`.
   * Feed it speech events from perception; {@link ask} is the short way to type a question.
   */
  get conversation(): Conversation | null {
    return this.talk?.conversation ?? null;
  }

  /**
   * The face perception while `camera` is on (its `presence`, `face` and `emotion` events),
   * else null. The avatar already follows it; subscribe for more.
   */
  get face(): FacePerception | null {
    return this.seeing?.perception ?? null;
  }

  /**
   * Tells the voice side that another person starts talking now (a kiosk's "next visitor",
   * a new call): voice emotion stops adapting to the previous speaker and judges the next
   * utterance as a stranger's. The SDK does this itself after 2 min without speech and,
   * with the camera on, when no face has been seen for 8 s. No effect without the microphone.
   */
  resetSpeaker(): void {
    this.listening?.voice.resetSpeaker();
  }

  /** Ask the avatar something (typed, or a transcript); it answers aloud, lip-synced. */
  ask(text: string): void {
    this.talk?.conversation.submitText(text);
  }

  /** Subscribe to an event; returns the unsubscribe function. */
  on<K extends keyof DigitalHumanEventMap>(type: K, listener: Listener<DigitalHumanEventMap[K]>): () => void {
    return this.emitter.on(type, listener);
  }

  off<K extends keyof DigitalHumanEventMap>(type: K, listener: Listener<DigitalHumanEventMap[K]>): void {
    this.emitter.off(type, listener);
  }

  /**
   * Change config at run time; only what changed is applied (a new `avatar` reloads,
   * a new `view` reframes). Validates first and changes nothing if invalid.
   * @throws {ConfigError}
   */
  configure(changes: Partial<DigitalHumanConfig>): void {
    const previous = this.configValue;
    const next = resolveConfig({ ...previous, ...changes });
    this.configValue = next;
    if (next.view !== previous.view) {
      this.stage?.frame(next.view);
      this.emitter.emit('view', { view: next.view });
    }
    if (next.eyeContact !== previous.eyeContact) this.idle?.setEyeContact(next.eyeContact);
    if (next.idle !== previous.idle || next.seed !== previous.seed) this.idle = this.makeIdle();
    if (next.background !== previous.background) this.stage?.setBackground(next.background);
    if (next.maxPixelRatio !== previous.maxPixelRatio) this.stage?.setMaxPixelRatio(next.maxPixelRatio);
    if (next.avatar !== previous.avatar || next.assetBaseUrl !== previous.assetBaseUrl) {
      this.loaded = this.loadAvatar();
    }
    if (CONVERSATION_FIELDS.some((field) => next[field] !== previous[field])) {
      this.setUpTalk();
      this.setUpListening();
    } else if (next.microphone !== previous.microphone || next.stt !== previous.stt || next.earlyReply !== previous.earlyReply || next.assetBaseUrl !== previous.assetBaseUrl) {
      this.setUpListening();
    } else if (next.lang !== previous.lang && this.talk) this.talk.conversation.lang = next.lang;
    if (next.camera !== previous.camera || next.assetBaseUrl !== previous.assetBaseUrl) this.setUpSeeing();
  }

  /** Show a mood with a smooth transition; `intensity` 0–1. */
  setMood(mood: Mood, intensity = 1): void {
    this.mixer.setMood(mood, intensity);
  }

  /** The mood currently shown (or being transitioned to). */
  get mood(): Mood {
    return this.mixer.mood;
  }

  /** Blend any expression the model defines, by name, towards `weight` (0–1). */
  setExpression(name: string, weight: number): void {
    this.mixer.setExpression(name, weight);
  }

  /** Set one mouth shape (or `null` for rest). Visemes own the mouth over any mood. */
  setViseme(viseme: Viseme | null, weight = 1): void {
    this.mixer.setVisemes(viseme ? { [viseme]: weight } : {});
  }

  /** Set a blend of mouth shapes; weights are normalised to sum at most 1. */
  setVisemes(weights: VisemeWeights): void {
    this.mixer.setVisemes(weights);
  }

  /** Look at a world point (metres); `null` returns the gaze to the viewer. */
  lookAt(point: Point3 | null): void {
    this.lookTarget = point ? new THREE.Vector3(point.x, point.y, point.z) : null;
  }

  /**
   * Recolour the avatar's skin, hair, eyes (iris) and clothing with a smooth transition,
   * without reloading; works on any VRM (MToon or standard materials). Only the given roles
   * change; roles the model has no material for are ignored (see {@link getAppearance}).
   * ```ts
   * human.setAppearance({ skin: '#6fb5b0', hair: '#e8ecef' });
   * ```
   * @throws {ConfigError} for an unknown role or a colour that is not `#rrggbb` / `#rgb`.
   */
  setAppearance(appearance: Appearance): void {
    const valid = validateAppearance(appearance);
    this.appearanceWanted = { ...this.appearanceWanted, ...valid };
    this.appearance?.set(valid);
  }

  /** The avatar's colours per role it has (the targets while a transition runs); `{}` before it loads. */
  getAppearance(): Appearance {
    return this.appearance?.get() ?? {};
  }

  /** Frees GPU memory, the render loop, observers and listeners. Safe to call twice. */
  dispose(): void {
    if (this.stateValue === 'disposed') return;
    this.loadAbort?.abort();
    this.loadGeneration++;
    this.listening?.dispose();
    this.listening = null;
    this.seeing?.dispose();
    this.seeing = null;
    this.talk?.dispose();
    this.talk = null;
    this.avatar?.dispose();
    this.avatar = null;
    this.appearance = null;
    this.stage?.dispose();
    this.stage = null;
    this.setState('disposed');
    this.emitter.clear();
  }

  private async start(): Promise<void> {
    if (this.stateValue === 'disposed') return;
    try {
      this.stage = new Stage(this.container, {
        maxPixelRatio: this.configValue.maxPixelRatio,
        background: this.configValue.background,
        onUpdate: (dt) => this.update(dt),
        onFrame: (timing) => this.emitter.emit('frame', timing),
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.stage.frame(this.configValue.view);
    this.stage.start();
    this.setUpListening();
    this.setUpSeeing();
    await this.loadAvatar();
  }

  private async loadAvatar(): Promise<void> {
    const stage = this.stage;
    if (!stage) return;
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const generation = ++this.loadGeneration;
    const url = this.avatarUrl();
    const started = performance.now();
    this.setState('loading');
    try {
      const vrm = await loadVrm(url, (loaded, total) => this.emitter.emit('progress', { loaded, total }), abort.signal);
      if (generation !== this.loadGeneration) {
        new VrmAvatar(vrm).dispose();
        return;
      }
      this.avatar?.dispose();
      this.avatar = new VrmAvatar(vrm);
      this.appearance = new AvatarAppearance(vrm);
      this.appearance.set(this.appearanceWanted, 0);
      stage.scene.add(vrm.scene);
      stage.frame(this.configValue.view, this.avatar.measurements);
      stage.renderNow();
      this.setState('ready');
      this.emitter.emit('ready', { avatarUrl: url, vrmVersion: this.avatar.version, loadMs: performance.now() - started });
    } catch (error) {
      if (abort.signal.aborted || generation !== this.loadGeneration) return;
      this.fail(error);
    }
  }

  private avatarUrl(): string {
    const { avatar, assetBaseUrl } = this.configValue;
    if (avatar !== null) return new URL(avatar, location.href).href;
    return builtInAvatarUrl(assetBase(assetBaseUrl));
  }

  private update(dt: number): void {
    const weights = this.mixer.update(dt);
    this.appearance?.update(dt);
    if (!this.avatar || !this.stage) return;
    const idle = this.idle?.update(dt) ?? null;
    const target = this.lookTarget ?? this.stage.viewerPosition(this.viewer);
    this.avatar.update(dt, weights, idle, target);
  }

  /** (Re)builds the conversation from config, forwarding its events as ours. */
  private setUpTalk(): void {
    this.talk?.dispose();
    this.talk = setUpConversation(this.configValue, this);
    const conversation = this.talk?.conversation;
    if (!conversation) return;
    for (const [from, to] of FORWARDED_CONVERSATION_EVENTS) {
      conversation.on(from, (payload) => this.emitter.emit(to, payload as never));
    }
  }

  /** (Re)starts the microphone side when config asks for it; it follows the current conversation. */
  private setUpListening(): void {
    this.listening?.dispose();
    this.listening = null;
    if (!this.configValue.microphone) return;
    const base = assetBase(this.configValue.assetBaseUrl);
    this.listening = setUpListening(
      { modelBaseUrl: runtimeAssetUrl(base, 'models/'), wasmPaths: runtimeAssetUrl(base, 'ort/') },
      {
        conversation: this.conversation,
        fusion: this.affect,
        lang: () => this.conversation?.lang ?? this.configValue.lang,
        onAffect: (affect) => this.emitter.emit('affect', affect),
        // Not a failure of the avatar: it goes on with the text box and says why it cannot listen.
        onDegraded: (code, reason) => this.emitter.emit('error', { code, message: `Not listening: ${reason}` }),
        onTranscription: (event) => this.emitter.emit('transcription', event),
        onSpeech: (event) => (event.type === 'speech-start' ? this.emitter.emit('speech-start', event.detail) : this.emitter.emit('speech-end', event.detail)),
      },
      speechToTextFor(this.configValue),
      { earlyReply: this.configValue.earlyReply },
    );
  }

  /** (Re)starts the camera side when config asks for it: the avatar looks at the person, the face joins the affect state. */
  private setUpSeeing(): void {
    this.seeing?.dispose();
    this.seeing = null;
    if (!this.configValue.camera) return;
    this.seeing = setUpSeeing(
      { assetBaseUrl: this.configValue.assetBaseUrl },
      {
        human: this,
        fusion: this.affect,
        onAffect: (affect) => {
          this.conversation?.setAffect(affect);
          this.emitter.emit('affect', affect);
        },
        // Not a failure of the avatar: it goes on without seeing and says why.
        onDegraded: (code, reason) => this.emitter.emit('error', { code, message: `Not seeing: ${reason}` }),
        // The face has been gone a while: the next voice is probably another person's.
        onPersonGone: () => this.resetSpeaker(),
      },
    );
  }

  private makeIdle(): IdleBehaviour | null {
    if (!this.configValue.idle) return null;
    const seed = this.configValue.seed ?? Math.floor(Math.random() * 2 ** 32);
    return new IdleBehaviour(seededRandom(seed), { eyeContact: this.configValue.eyeContact });
  }

  private fail(error: unknown): void {
    const digimensError =
      error instanceof DigimensError
        ? error
        : new DigimensError('avatar-invalid', `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
    this.setState('degraded', digimensError.message);
    this.emitter.emit('error', { code: digimensError.code, message: digimensError.message, cause: digimensError.cause });
  }

  private setState(state: LifecycleState, reason?: string): void {
    this.stateValue = state;
    this.emitter.emit('state', reason === undefined ? { state } : { state, reason });
  }
}
