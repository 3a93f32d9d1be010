/**
 * Renders every preset with three.js + three-vrm in headless Chromium (software WebGL) and
 * writes a grid to `docs/avatars.png` at the repository root, plus close-ups of each
 * expression and viseme to /tmp/digimens-avatars/ for inspection.
 *
 *   pnpm --filter @digimens/models render:avatars [--presets nova,sol] [--only-grid]
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { EXPRESSION_NAMES, PRESETS, generateAvatar } from '../src/avatar/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const threeRoot = resolve(here, '../node_modules/three');
const vrmModule = resolve(here, '../node_modules/@pixiv/three-vrm/lib/three-vrm.module.js');
const repoRoot = resolve(here, '../../..');
const closeUpDir = '/tmp/digimens-avatars';

const PAGE = `<!doctype html><html><body style="margin:0;background:#fff">
<script type="importmap">{"imports":{"three":"/three/build/three.module.js","three/addons/":"/three/examples/jsm/","@pixiv/three-vrm":"/three-vrm.js"}}</script>
<script type="module">
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { VRMLoaderPlugin, VRMUtils } from '@pixiv/three-vrm';
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.outputColorSpace = THREE.SRGBColorSpace;
document.body.appendChild(renderer.domElement);
const loader = new GLTFLoader();
loader.register((parser) => new VRMLoaderPlugin(parser));
const cache = new Map();
async function load(name) {
  if (!cache.has(name)) {
    const gltf = await loader.loadAsync('/avatars/' + name + '.vrm');
    VRMUtils.rotateVRM0(gltf.userData.vrm);
    cache.set(name, gltf.userData.vrm);
  }
  return cache.get(name);
}
function scene(vrm) {
  const s = new THREE.Scene();
  s.background = new THREE.Color(0xe9ecf1);
  const key = new THREE.DirectionalLight(0xffffff, Math.PI * 0.9);
  key.position.set(-0.6, 1.2, 1.5);
  s.add(key);
  s.add(new THREE.AmbientLight(0xffffff, 0.9));
  s.add(vrm.scene);
  return s;
}
// shot: { name, w, h, camera: [x,y,z], target: [x,y,z], fov, expression, look: [x,y,z] }
window.renderShots = async (shots, columns, tileW, tileH, labels) => {
  const rows = Math.ceil(shots.length / columns);
  const out = document.createElement('canvas');
  out.width = columns * tileW; out.height = rows * tileH;
  const ctx = out.getContext('2d');
  renderer.setSize(tileW, tileH);
  for (let i = 0; i < shots.length; i++) {
    const shot = shots[i];
    const vrm = await load(shot.name);
    const s = scene(vrm);
    const cam = new THREE.PerspectiveCamera(shot.fov, tileW / tileH, 0.01, 10);
    cam.position.set(...shot.camera);
    cam.lookAt(new THREE.Vector3(...shot.target));
    for (const e of vrm.expressionManager.expressions) vrm.expressionManager.setValue(e.expressionName, 0);
    if (shot.expression) vrm.expressionManager.setValue(shot.expression, 1);
    const look = new THREE.Object3D();
    look.position.set(...(shot.look ?? shot.camera));
    s.add(look);
    vrm.lookAt.target = look;
    vrm.update(1 / 30);
    renderer.render(s, cam);
    ctx.drawImage(renderer.domElement, (i % columns) * tileW, Math.floor(i / columns) * tileH);
    if (labels) {
      ctx.fillStyle = '#333'; ctx.font = '14px sans-serif';
      ctx.fillText(labels[i], (i % columns) * tileW + 8, Math.floor(i / columns) * tileH + 18);
    }
    s.remove(vrm.scene);
  }
  return out.toDataURL('image/png');
};
window.ready = true;
</script></body></html>`;

async function serve(avatars: Map<string, Uint8Array>): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = async (): Promise<void> => {
      if (url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      if (url.pathname === '/three-vrm.js') {
        return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(vrmModule));
      }
      if (url.pathname.startsWith('/avatars/')) {
        const bytes = avatars.get(url.pathname.slice('/avatars/'.length).replace(/\.vrm$/, ''));
        if (bytes) return void res.writeHead(200, { 'content-type': 'model/gltf-binary' }).end(bytes);
      }
      if (url.pathname.startsWith('/three/')) {
        const file = resolve(threeRoot, `.${url.pathname.slice('/three'.length)}`);
        if (file.startsWith(threeRoot)) {
          return void res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
        }
      }
      res.writeHead(404).end();
    };
    send().catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--presets') ? (args[args.indexOf('--presets') + 1] ?? '').split(',') : Object.keys(PRESETS);
  const avatars = new Map<string, Uint8Array>();
  for (const name of only) {
    const params = PRESETS[name];
    if (!params) throw new Error(`unknown preset ${name}`);
    avatars.set(name, await generateAvatar(params, { title: name }));
  }
  const server = await serve(avatars);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const shoot = async (file: string, shots: unknown[], columns: number, w: number, h: number, labels: string[]): Promise<void> => {
      const dataUrl = await page.evaluate(
        ([s, c, tw, th, l]) => (window as unknown as { renderShots: (...a: unknown[]) => Promise<string> }).renderShots(s, c, tw, th, l),
        [shots, columns, w, h, labels] as const,
      );
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
      console.log(file);
    };
    const names = [...avatars.keys()];
    const portrait = (name: string) => ({ name, fov: 30, camera: [0, 1.5, 0.95], target: [0, 1.47, 0] });
    await shoot(resolve(repoRoot, 'docs/avatars.png'), names.map(portrait), Math.min(names.length, 3), 360, 420, names);
    if (args.includes('--only-grid')) return;
    for (const name of names) {
      const close = (expression: string | null) => ({ name, fov: 24, camera: [0, 1.61, 0.5], target: [0, 1.595, 0], expression });
      const list = [null, ...EXPRESSION_NAMES];
      await shoot(`${closeUpDir}/${name}-expressions.png`, list.map(close), 5, 300, 300, list.map((e) => e ?? 'rest'));
      const angles = [
        { name, fov: 30, camera: [0.8, 1.55, 0.45], target: [0, 1.52, 0], look: [0.8, 1.55, 0.45] },
        { name, fov: 30, camera: [0.9, 1.58, 0], target: [0, 1.55, 0], look: [0, 1.6, 1] },
        { name, fov: 30, camera: [0, 1.58, -0.9], target: [0, 1.55, 0] },
        { name, fov: 24, camera: [0, 1.61, 0.5], target: [0, 1.595, 0], look: [0.6, 1.9, 1] },
        { name, fov: 24, camera: [0, 1.61, 0.5], target: [0, 1.595, 0], look: [-0.6, 1.3, 1] },
        { name, fov: 40, camera: [0, 1.35, 1.6], target: [0, 1.3, 0] },
        { name, fov: 14, camera: [0, 1.56, 0.45], target: [0, 1.55, 0] },
        { name, fov: 14, camera: [0.4, 1.56, 0.2], target: [0, 1.55, 0.06] },
        { name, fov: 12, camera: [0.1, 1.61, 0.45], target: [0.03, 1.605, 0] },
      ];
      await shoot(`${closeUpDir}/${name}-angles.png`, angles, 3, 360, 360, ['3/4', 'side', 'back', 'look up-left', 'look down-right', 'body', 'mouth', 'mouth side', 'eye']);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
