import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModel, sha256Hex } from './model-loader';
import type { ModelEntry } from './model-entry';

const BYTES = new TextEncoder().encode('model weights');

async function entry(overrides: Partial<ModelEntry> = {}): Promise<ModelEntry> {
  return {
    name: 'tiny',
    file: 'tiny.onnx',
    sourceUrl: 'https://example.org/tiny.onnx',
    sha256: await sha256Hex(BYTES),
    size: BYTES.byteLength,
    licence: 'MIT',
    ...overrides,
  };
}

function serve(status: number, body: Uint8Array = BYTES) {
  const fetchMock = vi.fn(async () => new Response(status === 200 ? (body as Uint8Array<ArrayBuffer>) : 'nope', { status, statusText: status === 404 ? 'Not Found' : '' }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadModel', () => {
  it('loads from the base URL, reports progress and checks the hash', async () => {
    const fetchMock = serve(200);
    const progress: number[] = [];
    const bytes = await loadModel(await entry(), { baseUrl: 'https://host/models/', onProgress: (loaded) => progress.push(loaded) });
    expect(new TextDecoder().decode(bytes)).toBe('model weights');
    expect(fetchMock).toHaveBeenCalledWith('https://host/models/tiny.onnx', {});
    expect(progress.at(-1)).toBe(BYTES.byteLength);
  });

  it('names the file, where it looked and how to get it when missing', async () => {
    serve(404);
    await expect(loadModel(await entry(), { baseUrl: 'https://host/models/' })).rejects.toMatchObject({
      code: 'model-load-failed',
      message: expect.stringMatching(
        /Model "tiny" \(tiny\.onnx\) could not be loaded from https:\/\/host\/models\/tiny\.onnx: HTTP 404 Not Found\. Run `pnpm models:fetch` to download it from https:\/\/example\.org\/tiny\.onnx/,
      ),
    });
  });

  it('refuses a file whose sha256 differs, giving both hashes', async () => {
    serve(200, new TextEncoder().encode('tampered'));
    const expected = await entry();
    const actual = await sha256Hex(new TextEncoder().encode('tampered'));
    await expect(loadModel(expected, { baseUrl: 'https://host/' })).rejects.toMatchObject({
      code: 'model-integrity',
      message: expect.stringContaining(`its sha256 is ${actual}, but the manifest expects ${expected.sha256}`),
    });
  });
});
