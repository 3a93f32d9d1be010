import type { DigimensErrorCode } from '../errors';
import { TypedEmitter } from '../util/emitter';
import { MICROPHONE_PROCESSOR, microphoneWorkletSource, type MicrophoneFrameMessage } from './microphone-worklet';

/** Capture constraints. All default to true: the avatar must hear the person, not itself or the room. */
export interface MicrophoneOptions {
  /** Removes the avatar's own voice from the signal where the browser can (it knows what it plays). */
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
  /** A specific input device (from `enumerateDevices`); default: the system's choice. */
  deviceId?: string;
}

export const DEFAULT_MICROPHONE: Readonly<MicrophoneOptions> = Object.freeze({
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
});

/** Events of {@link Microphone}. */
export interface MicrophoneEvents {
  /** One 32 ms frame (512 samples, 16 kHz mono); `atMs` is stream time since `start()`. */
  frame: { samples: Float32Array; atMs: number };
  /** Capture is running. */
  started: { deviceLabel: string; sampleRate: number };
  /** No capture: why, in words for an operator; the avatar stays usable with text input. */
  unavailable: { code: Extract<DigimensErrorCode, 'microphone-denied' | 'microphone-unavailable'>; reason: string };
  /** The track ended (device unplugged, permission revoked) or `stop()` was called. */
  stopped: { reason: string };
}

/**
 * Microphone capture: getUserMedia with echo cancellation and noise suppression, an
 * AudioWorklet that resamples to 16 kHz and frames the audio, and frames as events.
 * Audio never leaves this object except as those in-page events.
 */
export class Microphone extends TypedEmitter<MicrophoneEvents> {
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;
  private node: AudioWorkletNode | null = null;
  private readonly options: MicrophoneOptions;

  constructor(options: Partial<MicrophoneOptions> = {}) {
    super();
    this.options = { ...DEFAULT_MICROPHONE, ...options };
  }

  /** Capture rate of the audio context while running (the worklet resamples it to 16 kHz). */
  get sampleRate(): number | null {
    return this.context?.sampleRate ?? null;
  }

  /** Whether capture is running. */
  get active(): boolean {
    return this.stream !== null;
  }

  /**
   * Asks for the microphone and starts capture. Resolves `true` when running; `false`
   * (after an `unavailable` event saying why) when it cannot: never throws for a
   * missing or refused microphone, since text input remains.
   */
  async start(): Promise<boolean> {
    if (this.stream) return true;
    if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      const secure = typeof isSecureContext === 'undefined' || isSecureContext;
      return this.unavailable(
        'microphone-unavailable',
        secure ? 'this browser has no microphone API (navigator.mediaDevices)' : 'the page is not a secure context (https or localhost): browsers only allow the microphone there',
      );
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          echoCancellation: this.options.echoCancellation,
          noiseSuppression: this.options.noiseSuppression,
          autoGainControl: this.options.autoGainControl,
          channelCount: 1,
          ...(this.options.deviceId ? { deviceId: { exact: this.options.deviceId } } : {}),
        },
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') {
        return this.unavailable('microphone-denied', 'microphone access was refused (by the person or by the browser/site policy); text input stays available');
      }
      if (name === 'NotFoundError' || name === 'OverconstrainedError') {
        return this.unavailable('microphone-unavailable', 'no microphone was found; text input stays available');
      }
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return this.unavailable('microphone-unavailable', `the microphone could not be opened (${detail}); it may be in use by another application`);
    }

    try {
      const context = new AudioContext();
      const url = URL.createObjectURL(new Blob([microphoneWorkletSource()], { type: 'text/javascript' }));
      try {
        await context.audioWorklet.addModule(url);
      } finally {
        URL.revokeObjectURL(url);
      }
      const source = context.createMediaStreamSource(stream);
      // No outputs: a sink node is processed without being connected to the speakers.
      const node = new AudioWorkletNode(context, MICROPHONE_PROCESSOR, { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
      node.port.onmessage = (event: MessageEvent<MicrophoneFrameMessage>) => {
        this.emit('frame', { samples: event.data.frame, atMs: event.data.sampleIndex / 16 });
      };
      source.connect(node);
      await context.resume();
      this.stream = stream;
      this.context = context;
      this.node = node;
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      const detail = error instanceof Error ? error.message : String(error);
      return this.unavailable('microphone-unavailable', `audio processing could not start (${detail}); text input stays available`);
    }
    const track = stream.getAudioTracks()[0];
    track?.addEventListener('ended', () => this.stop('the microphone track ended (device removed or permission revoked)'));
    this.emit('started', { deviceLabel: track?.label ?? '', sampleRate: this.context.sampleRate });
    return true;
  }

  /** Stops capture and releases the device. */
  stop(reason = 'stopped'): void {
    if (!this.stream) return;
    for (const track of this.stream.getTracks()) track.stop();
    this.node?.port.close();
    this.node?.disconnect();
    void this.context?.close();
    this.stream = null;
    this.context = null;
    this.node = null;
    this.emit('stopped', { reason });
  }

  private unavailable(code: MicrophoneEvents['unavailable']['code'], reason: string): false {
    this.emit('unavailable', { code, reason });
    return false;
  }
}
