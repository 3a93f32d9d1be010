import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { VRMLoaderPlugin, VRMUtils, type VRM } from '@pixiv/three-vrm';
import { DigimensError } from '../errors';
import { DownloadError, fetchBytes, type DownloadProgress } from '../util/fetch-bytes';

/** Bytes received so far while downloading an avatar. */
export type LoadProgress = DownloadProgress;

/**
 * Downloads and parses a VRM (0.x or 1.0), with progress, and turns every failure into a
 * {@link DigimensError} that says what happened and what to check.
 */
export async function loadVrm(url: string, onProgress: LoadProgress, signal?: AbortSignal): Promise<VRM> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, onProgress, signal);
  } catch (cause) {
    if (!(cause instanceof DownloadError)) throw cause;
    const hint =
      cause.status === null
        ? 'Check the URL, the network, and that the server allows cross-origin requests.'
        : 'Check the avatar URL.';
    throw new DigimensError('avatar-load-failed', `Could not download the avatar from "${url}": ${cause.message}. ${hint}`, {
      cause,
    });
  }
  return parseVrm(bytes.buffer as ArrayBuffer, url);
}

/** Parses VRM bytes; `url` only names the file in errors and resolves external resources. */
export async function parseVrm(bytes: ArrayBuffer, url: string): Promise<VRM> {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  let vrm: VRM | undefined;
  try {
    const gltf = await loader.parseAsync(bytes, baseOf(url));
    vrm = gltf.userData['vrm'] as VRM | undefined;
    if (!vrm) {
      VRMUtils.deepDispose(gltf.scene);
    }
  } catch (cause) {
    throw new DigimensError(
      'avatar-invalid',
      `"${url}" is not a readable VRM file (${errorText(cause)}). Export the avatar as VRM 0.x or 1.0 (.vrm) and try again.`,
      { cause },
    );
  }
  if (!vrm) {
    throw new DigimensError(
      'avatar-invalid',
      `"${url}" is a glTF model without VRM data (no VRMC_vrm or VRM extension), so it has no humanoid or expressions. Export it as VRM 0.x or 1.0.`,
    );
  }
  if (!vrm.humanoid.getRawBoneNode('head')) {
    VRMUtils.deepDispose(vrm.scene);
    throw new DigimensError('avatar-invalid', `"${url}" has no head bone in its VRM humanoid, so it cannot be framed or animated.`);
  }
  prepare(vrm);
  return vrm;
}

/** Standard clean-up after loading, as three-vrm recommends. */
function prepare(vrm: VRM): void {
  VRMUtils.removeUnnecessaryVertices(vrm.scene);
  VRMUtils.combineSkeletons(vrm.scene);
  // VRM 0.x faces -Z; turn it to face the camera like 1.0 models.
  VRMUtils.rotateVRM0(vrm);
  vrm.scene.traverse((object) => {
    // Skinned meshes move away from their bind-pose bounds; culling them pops limbs off-screen.
    object.frustumCulled = false;
  });
}

function baseOf(url: string): string {
  const slash = url.lastIndexOf('/');
  return slash >= 0 ? url.slice(0, slash + 1) : '';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
