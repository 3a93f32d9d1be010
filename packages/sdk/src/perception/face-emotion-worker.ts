/// <reference lib="webworker" />
/**
 * The face worker: runs the whole face analysis (MediaPipe face detector, aligned crop, the
 * ONNX emotion classifiers, then MediaPipe's face mesh) off the main thread, so the avatar keeps its frame rate. Built
 * as its own file (`dist/workers/face-emotion-worker.js`, see vite.worker.config.ts), so
 * ONNX Runtime and MediaPipe never enter the page's bundle. One frame at a time: the page
 * sends a new frame only after the previous result (latest frame wins, nothing queues).
 */
import { DigimensError } from '../errors';
import type { FaceWorkerRequest, FaceWorkerResponse } from './face-emotion-protocol';
import { FrameAnalyzer } from './face-frame-analyzer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let analyzer: FrameAnalyzer | null = null;

function send(message: FaceWorkerResponse): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<FaceWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'init') {
      analyzer = await FrameAnalyzer.create(message, (file, loaded, total) => send({ type: 'progress', file, loaded, total }));
      send({ type: 'ready', backend: analyzer.backend });
    } else {
      try {
        if (!analyzer) throw new Error('face worker: analyze before init');
        const { id } = message;
        const result = await analyzer.analyze(message.frame, message.timestampMs, message.emotion, (reading) => send({ type: 'emotion', id, reading }));
        send({ type: 'result', id, result });
      } finally {
        message.frame.close();
      }
    }
  } catch (error) {
    const code = error instanceof DigimensError ? error.code : 'inference-unavailable';
    send({ type: 'error', id: message.type === 'analyze' ? message.id : null, code, message: error instanceof Error ? error.message : String(error) });
  }
};
