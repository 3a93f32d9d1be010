import type { MaterialKey } from './materials.js';
import type { Vec3 } from './math.js';
import type { BoneName } from './skeleton.js';

/** Up to four (bone, weight) pairs; weights are normalised when written. */
export type SkinInfluence = ReadonlyArray<readonly [BoneName, number]>;

/**
 * One primitive under construction: indexed triangles with smooth (shared-vertex) topology,
 * skin influences and, for face parts, one position set per expression.
 */
export class MeshPart {
  readonly positions: Vec3[] = [];
  readonly skin: SkinInfluence[] = [];
  readonly indices: number[] = [];
  /** Normals given by construction (e.g. exact sphere normals); otherwise computed smoothly. */
  readonly normals: Vec3[] = [];
  /** Expression name → absolute vertex positions with that expression applied at full weight. */
  readonly morphs = new Map<string, Vec3[]>();

  constructor(
    readonly name: string,
    readonly material: MaterialKey,
  ) {}

  get vertexCount(): number {
    return this.positions.length;
  }

  /** Adds a vertex and returns its index. A normal is given for all or none of a part's vertices. */
  addVertex(position: Vec3, skin: SkinInfluence, normal?: Vec3): number {
    this.positions.push(position);
    this.skin.push(skin);
    if (normal) this.normals.push(normal);
    return this.positions.length - 1;
  }

  /** Adds a triangle, counter-clockwise seen from outside. */
  addTriangle(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Adds a quad a-b-c-d (counter-clockwise), split along the shorter diagonal for smoother shading. */
  addQuad(a: number, b: number, c: number, d: number): void {
    const pa = this.positions[a];
    const pb = this.positions[b];
    const pc = this.positions[c];
    const pd = this.positions[d];
    if (!pa || !pb || !pc || !pd) throw new Error(`quad references a missing vertex in ${this.name}`);
    const ac = (pa[0] - pc[0]) ** 2 + (pa[1] - pc[1]) ** 2 + (pa[2] - pc[2]) ** 2;
    const bd = (pb[0] - pd[0]) ** 2 + (pb[1] - pd[1]) ** 2 + (pb[2] - pd[2]) ** 2;
    if (ac <= bd) {
      this.indices.push(a, b, c, a, c, d);
    } else {
      this.indices.push(a, b, d, b, c, d);
    }
  }

  /**
   * Connects a grid of vertex indices (`rows[r][c]`) with quads. `wrap` closes each row into a
   * ring. Rows run in the direction that makes (row+1, col+1) counter-clockwise from outside
   * when `flip` is false.
   */
  addGrid(rows: number[][], wrap: boolean, flip = false): void {
    for (let r = 0; r + 1 < rows.length; r++) {
      const a = rows[r];
      const b = rows[r + 1];
      if (!a || !b) continue;
      const n = wrap ? a.length : a.length - 1;
      for (let c = 0; c < n; c++) {
        const c1 = (c + 1) % a.length;
        const i00 = a[c];
        const i01 = a[c1];
        const i10 = b[c];
        const i11 = b[c1];
        if (i00 === undefined || i01 === undefined || i10 === undefined || i11 === undefined) continue;
        if (flip) this.addQuad(i00, i01, i11, i10);
        else this.addQuad(i00, i10, i11, i01);
      }
    }
  }

  /** Closes a ring of vertices with a fan around a new centre vertex. */
  capRing(ring: number[], center: Vec3, skin: SkinInfluence, flip = false, normal?: Vec3): void {
    const c = this.addVertex(center, skin, normal);
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      if (a === undefined || b === undefined) continue;
      if (flip) this.addTriangle(c, b, a);
      else this.addTriangle(c, a, b);
    }
  }
}

/** Area-weighted smooth vertex normals of an indexed triangle list. */
export function computeNormals(positions: readonly Vec3[], indices: readonly number[]): Vec3[] {
  const normals: Vec3[] = positions.map(() => [0, 0, 0]);
  for (let i = 0; i + 2 < indices.length; i += 3) {
    const ia = indices[i] ?? 0;
    const ib = indices[i + 1] ?? 0;
    const ic = indices[i + 2] ?? 0;
    const a = positions[ia] ?? [0, 0, 0];
    const b = positions[ib] ?? [0, 0, 0];
    const c = positions[ic] ?? [0, 0, 0];
    const e1: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const e2: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const n: Vec3 = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
    for (const idx of [ia, ib, ic]) {
      const acc = normals[idx];
      if (!acc) continue;
      acc[0] += n[0];
      acc[1] += n[1];
      acc[2] += n[2];
    }
  }
  return normals.map((n) => {
    const l = Math.hypot(n[0], n[1], n[2]);
    return l > 1e-20 ? [n[0] / l, n[1] / l, n[2] / l] : [0, 1, 0];
  });
}
